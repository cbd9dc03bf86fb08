package org.iclab.spec.baseline;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Garg et al.'s gradient-descent baseline ({@code GDModel}): for each prompt and each k ≥ 1 a fresh two-layer ReLU
 * network (Linear(d, hidden), ReLU, Linear(hidden, 1), PyTorch's default initialisation) is trained with Adam on the
 * squared error over the first k examples for {@code steps} steps, each on a random subset of min(k, batch) of them,
 * and predicts y_k. Garg et al. use it on two-layer ReLU network tasks with hidden 100, 100 steps, lr 5e-3 and batch
 * 100, the defaults here. Named {@code gradientDescentNet} in results with the defaults, otherwise with the settings
 * that differ, e.g. {@code gradientDescentNet(hidden=50;lr=0.01)}.
 *
 * <pre>
 * Java:   Iclab.gradientDescentNet()          Groovy:  gradientDescentNet()
 *         Iclab.gradientDescentNet(50, 200, 1e-2, 100)  gradientDescentNet(hidden: 50, steps: 200, lr: 1e-2)
 * </pre>
 */
@Setting("A fresh two-layer ReLU network per prompt and k, trained by Adam on the examples seen so far (Garg et al.'s GDModel).")
@Word("gradientDescentNet")
public record GradientDescentNet(@Setting(value = "Width of the hidden layer.", range = "> 0") int hidden,
                                 @Setting(value = "Adam steps per fit.", range = "> 0") int steps,
                                 @Setting(value = "Adam's learning rate.", range = "a finite number > 0") double lr,
                                 @Setting(value = "Examples drawn (without replacement) for each step; all k when fewer.", range = "> 0") int batch)
        implements Baseline {
    public static final int DEFAULT_HIDDEN = 100;
    public static final int DEFAULT_STEPS = 100;
    public static final double DEFAULT_LR = 5e-3;
    public static final int DEFAULT_BATCH = 100;

    public GradientDescentNet {
        Problems.in("evaluate.baselines.gradientDescentNet")
                .require(hidden > 0, "hidden", "must be > 0", hidden)
                .require(steps > 0, "steps", "must be > 0", steps)
                .require(lr > 0 && Double.isFinite(lr), "lr", "must be a finite number > 0", lr)
                .require(batch > 0, "batch", "must be > 0", batch)
                .throwIfAny();
    }

    public GradientDescentNet() {
        this(DEFAULT_HIDDEN, DEFAULT_STEPS, DEFAULT_LR, DEFAULT_BATCH);
    }

    @Override
    public String learnerName() {
        return BaselineNames.of(this)
                .unlessDefault("hidden", hidden, DEFAULT_HIDDEN)
                .unlessDefault("steps", steps, DEFAULT_STEPS)
                .unlessDefault("lr", lr, DEFAULT_LR)
                .unlessDefault("batch", batch, DEFAULT_BATCH)
                .build();
    }
}
