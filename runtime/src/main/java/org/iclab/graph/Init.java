package org.iclab.graph;

/** How a parameter's first values are drawn (GPT-2's scheme for blocks, PyTorch's for the linear maps). */
record Init(char kind, double scale) {
    static Init normal(double std) {
        return new Init('n', std);
    }

    static Init uniform(double bound) {
        return new Init('u', bound);
    }

    static Init constant(double value) {
        return new Init('c', value);
    }

    /** log(j + 1) at column j of rows {@code width} wide (Mamba's S4D-real A: −exp of it is −1, −2, …, −width). */
    static Init logRamp(int width) {
        return new Init('l', width);
    }
}
