package org.iclab.spec;

/**
 * Integer halfspaces: per prompt every w_i is uniform on {−3, …, 3}; y = sign(w·x − ½).
 *
 * <pre>
 * Java:   Iclab.integerHalfspace(12)          Groovy:  task integerHalfspace(dims: 12)
 * </pre>
 */
@Setting("Integer halfspace: w_i uniform on {-3..3}, y = sign(w.x - 1/2).")
public record IntegerHalfspace(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                               @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask {
    public IntegerHalfspace {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public IntegerHalfspace(int dims) {
        this(dims, 0);
    }

    /** w of the halfspace the function is: y = sign(w·x − θ). */
    @Override
    public boolean hasWeights() {
        return true;
    }

    @Override
    public java.util.List<Baseline> defaultBaselines() {
        return BooleanTask.withOwn(new Perceptron());
    }
}
