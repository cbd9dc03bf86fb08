package org.iclab.spec.probe;

import org.iclab.spec.Layers;
import org.iclab.spec.Positions;
import org.iclab.spec.Problems;
import org.iclab.spec.Word;

/**
 * A probe that pools over positions (Akyürek et al. 2023's probe): for each layer and position k it learns weights
 * a = softmax(s) over the tokens that have seen only the first k examples (tokens 0 to the prediction token of k, or
 * to the token before it with {@code position: 'context'}), pools that layer's states into z = Σ_t a_t h_t and reads
 * the target from z, linearly ({@code hidden: 0}) or by a small ReLU network with {@code hidden} units, the
 * non-linear probe of the paper. It is trained by Adam on the fit prompts' squared error ({@code steps} minibatches of
 * {@code batch} prompts at rate {@code lr}, decayed along a cosine) and scored, like a linear probe, by R² on the held-out
 * prompts; probes.csv names it {@code mlp} with hidden units and {@code pooled} without.
 *
 * <pre>
 * Java:   p -&gt; p.pooled(leastSquaresEstimate())    p -&gt; p.pooled(new PooledProbe(momentXy(), Layers.all(), Positions.last(), 0, 1000, 128, 3e-3))
 * Groovy: pooled(target: leastSquaresEstimate())    pooled(target: momentXy(), hidden: 0, layers: [1, 6])
 * </pre>
 *
 * @param hidden ReLU units of the read-out network (0: a linear read-out of the pooled state)
 * @param steps  Adam steps
 * @param batch  fit prompts per step
 * @param lr     Adam's starting rate, decayed along a cosine towards 0 over the steps
 */
@Word("pooled")
public record PooledProbe(Target target, Layers layers, Positions position, int hidden, int steps, int batch, double lr)
        implements TargetProbe {
    public static final int DEFAULT_HIDDEN = 64;
    public static final int DEFAULT_STEPS = 1000;
    public static final int DEFAULT_BATCH = 128;
    public static final double DEFAULT_LR = 3e-3;

    public PooledProbe {
        layers = layers == null ? Layers.all() : layers;
        position = position == null ? Positions.last() : position;
        Problems.in("probes.pooled").requirePresent(target, "target")
                .require(hidden >= 0, "hidden", "must be >= 0 (0: a linear read-out of the pooled state)", hidden)
                .require(steps >= 1, "steps", "must be >= 1", steps)
                .require(batch >= 1, "batch", "must be >= 1", batch)
                .require(lr > 0 && Double.isFinite(lr), "lr", "must be a finite number > 0", lr)
                .throwIfAny();
    }

    /** The paper's non-linear probe of {@code target} with the default settings. */
    public PooledProbe(Target target) {
        this(target, Layers.all(), Positions.last(), DEFAULT_HIDDEN, DEFAULT_STEPS, DEFAULT_BATCH, DEFAULT_LR);
    }

    @Override
    public String column() {
        return hidden > 0 ? "mlp" : "pooled";
    }
}
