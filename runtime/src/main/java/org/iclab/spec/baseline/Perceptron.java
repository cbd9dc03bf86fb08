package org.iclab.spec.baseline;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Rosenblatt's perceptron with a bias, for halfspaces and majorities: from w = 0, b = 0 it passes over the k examples
 * seen so far in order, adding y·x to w and y to b at each mistake (a mistake: y·(w·x + b) ≤ 0), until a pass makes
 * none or {@code epochs} passes are done; the prediction is w·x + b (its sign is scored). On linearly separable
 * examples it stops at a separating halfspace. Named {@code perceptron} or {@code perceptron(epochs=E)} in results.
 *
 * <pre>
 * Java:   Iclab.perceptron()                  Groovy:  perceptron(epochs: 100)
 * </pre>
 */
@Setting("The perceptron with a bias, run over the examples seen so far until a pass makes no mistake.")
@Word("perceptron")
public record Perceptron(@Setting(value = "Most passes over the examples.", range = "[1, 100000]") int epochs) implements Baseline {
    public static final int DEFAULT_EPOCHS = 100;

    public Perceptron {
        Problems.in("evaluate.baselines.perceptron")
                .require(epochs >= 1 && epochs <= 100_000, "epochs", "must be in [1, 100000]", epochs)
                .throwIfAny();
    }

    public Perceptron() {
        this(DEFAULT_EPOCHS);
    }

    @Override
    public String learnerName() {
        return BaselineNames.of(this).unlessDefault("epochs", epochs, DEFAULT_EPOCHS).build();
    }
}
