package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.NearestNeighbors;
/**
 * Learning with a representation (Guo et al. 2023): y = ⟨w, Φ(x)⟩ + noise·ε with w ~ N(0, I) drawn per prompt and Φ a
 * fixed random MLP of {@code layers} layers, each a matrix with orthonormal columns (or rows, where it narrows)
 * followed by the activation, drawn once from {@code phiSeed}: the same settings always give the same Φ, and a
 * mixture of representations with different seeds mixes different Φ. ReLU outputs are multiplied by √2 (He scaling), so
 * that a first layer keeps the expected squared norm of a Gaussian input (later layers lose some of it). Errors are
 * divided by d.
 *
 * <pre>
 * Java:   Iclab.representation(8)            Groovy:  task representation(dims: 8, layers: 2, width: 8, noise: 0.1)
 * </pre>
 */
@Setting("Learning with a representation (Guo et al.): y = w.Phi(x) + noise, w ~ N(0, I) per prompt, Phi a fixed random MLP "
        + "with orthogonal weight matrices drawn from phiSeed.")
@Word("representation")
public record Representation(@Setting(value = "Input dimension d.", range = "> 0") int dims,
                             @Setting(value = "Layers of Phi.", range = "> 0", defaults = "2") int layers,
                             @Setting(value = "Width of each layer of Phi (and of w).", range = "> 0", defaults = "dims") int width,
                             @Setting(value = "Activation after each layer: 'relu', 'tanh' or 'linear'.", range = "relu, tanh, linear",
                                     defaults = "'relu'") String activation,
                             @Setting(value = "Standard deviation of the noise added to each y.", range = "a finite number >= 0",
                                     defaults = "0") double noise,
                             @Setting(value = "The seed Phi is drawn from.", defaults = "0") long phiSeed) implements Task {
    public static final String RELU = "relu";
    public static final String TANH = "tanh";
    public static final String LINEAR = "linear";

    public Representation {
        activation = activation == null ? RELU : activation;
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(layers > 0, "layers", "must be > 0", layers)
                .require(width > 0, "width", "must be > 0", width)
                .require(java.util.List.of(RELU, TANH, LINEAR).contains(activation), "activation", "must be 'relu', 'tanh' or 'linear'",
                        "'" + activation + "'")
                .require(noise >= 0 && Double.isFinite(noise), "noise", "must be a finite number >= 0", noise)
                .throwIfAny();
    }

    /** Two ReLU layers as wide as the input, no noise, Φ from seed 0. */
    public Representation(int dims) {
        this(dims, 2, dims, RELU, 0, 0);
    }

    @Override
    public Objective objective() {
        return Objective.squaredError(Objective.SquaredError.DIMS, dims);
    }

    /** Least squares, ridge and 3-NN on x, averaging, and bayes() (ridge on Φ(x), the optimum). */
    @Override
    public java.util.List<Baseline> defaultBaselines() {
        return java.util.List.of(new LeastSquares(), new NearestNeighbors(3), new Averaging(), new Bayes());
    }
}
