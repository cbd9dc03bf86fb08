package org.iclab;

import org.iclab.spec.probe.Constant;
import org.iclab.spec.probe.GradientDescent;
import org.iclab.spec.probe.GradientDescentIterate;
import org.iclab.spec.probe.LeastSquaresEstimate;
import org.iclab.spec.probe.Phi;
import org.iclab.spec.probe.MomentXy;
import org.iclab.spec.probe.Newton;
import org.iclab.spec.probe.Shuffled;
import org.iclab.spec.probe.Weights;

/**
 * The words of probe targets, algorithms and control tasks: static factories making the spec records, in the forms a script writes them.
 * {@link Iclab} inherits them, so {@code import static org.iclab.Iclab.*} (scripts, jshell, tests) and
 * {@code Iclab.newton(...)} reach them. A word without a factory here is still a word: the DSL takes its
 * record's constructors.
 */
public class ProbeWords extends EvaluationWords {
    ProbeWords() {
    }

    /** Probe target: Phi(x_k) of a representation task. */
    public static Phi phi() {
        return new Phi();
    }

    /** Linear-probe target: the true weights w of each prompt's function (linear function classes). */
    public static Weights weights() {
        return new Weights();
    }

    /** Linear-probe target: the minimum-norm least-squares estimate from the first k examples. */
    public static LeastSquaresEstimate leastSquaresEstimate() {
        return new LeastSquaresEstimate();
    }

    /** Linear-probe target: the moment X^T y / k of the first k examples. */
    public static MomentXy momentXy() {
        return new MomentXy();
    }

    /** Linear-probe target: w after {@code steps} gradient-descent steps from 0, with the best step size per k. */
    public static GradientDescentIterate gradientDescentIterate(int steps) {
        return new GradientDescentIterate(steps);
    }

    /** Linear-probe target: w after {@code steps} gradient-descent steps of size {@code lr} from 0. */
    public static GradientDescentIterate gradientDescentIterate(int steps, double lr) {
        return new GradientDescentIterate(steps, lr);
    }

    /** Alignment algorithm: iterative Newton for the pseudo-inverse, iterations 1..20. */
    public static Newton newton() {
        return new Newton();
    }

    /** Alignment algorithm: iterative Newton, iterations 1..{@code iterations}. */
    public static Newton newton(int iterations) {
        return new Newton(iterations);
    }

    /** Alignment algorithm: gradient descent, steps 1..20, the best step size per step count. */
    public static GradientDescent gradientDescent() {
        return new GradientDescent();
    }

    /** Alignment algorithm: gradient descent, steps 1..{@code steps}, the best step size per step count. */
    public static GradientDescent gradientDescent(int steps) {
        return new GradientDescent(steps);
    }

    /** Alignment algorithm: gradient descent, steps 1..{@code steps} of size {@code lr}. */
    public static GradientDescent gradientDescent(int steps, double lr) {
        return new GradientDescent(new GradientDescent(steps).steps(), lr);
    }

    /** Control: every prompt's target replaced by one fixed vector. */
    public static Constant constant() {
        return new Constant();
    }

    /** Control: the fit prompts' targets permuted among them. */
    public static Shuffled shuffled() {
        return new Shuffled();
    }
}
