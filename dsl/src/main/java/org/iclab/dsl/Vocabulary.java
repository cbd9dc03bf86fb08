package org.iclab.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.List;
import java.util.Map;
import org.iclab.Iclab;
import org.iclab.spec.Adam;
import org.iclab.spec.Averaging;
import org.iclab.spec.DecisionTree;
import org.iclab.spec.Gaussian;
import org.iclab.spec.Gpt2;
import org.iclab.spec.GradientBoosting;
import org.iclab.spec.GradientDescentNet;
import org.iclab.spec.GreedyTree;
import org.iclab.spec.Interleaved;
import org.iclab.spec.LinearAttention;
import org.iclab.spec.Looped;
import org.iclab.spec.Lstm;
import org.iclab.spec.Stacked;
import org.iclab.spec.Uniform;
import org.iclab.spec.Lasso;
import org.iclab.spec.LeastSquares;
import org.iclab.spec.LinearClassification;
import org.iclab.spec.LinearRegression;
import org.iclab.spec.NearestNeighbors;
import org.iclab.spec.NoisyLinearRegression;
import org.iclab.spec.QuadraticRegression;
import org.iclab.spec.ReluNetwork;
import org.iclab.spec.SparseLinearRegression;
import org.iclab.spec.Ridge;
import org.iclab.spec.Zero;
import org.iclab.spec.HalfSubspace;
import org.iclab.spec.NoisyY;
import org.iclab.spec.OppositeQuadrants;
import org.iclab.spec.OrthogonalTrainTest;
import org.iclab.spec.OverlappingTrainTest;
import org.iclab.spec.RandomQuadrants;
import org.iclab.spec.ScaledX;
import org.iclab.spec.ScaledY;
import org.iclab.spec.SkewedCovariance;
import org.iclab.spec.Standard;
import org.iclab.spec.Strategy;
import org.iclab.spec.Constant;
import org.iclab.spec.GradientDescent;
import org.iclab.spec.GradientDescentIterate;
import org.iclab.spec.LeastSquaresEstimate;
import org.iclab.spec.MomentXy;
import org.iclab.spec.Newton;
import org.iclab.spec.Shuffled;
import org.iclab.spec.Weights;

/**
 * The words a script uses without imports ({@link ExperimentScripts} imports these statically): {@link Iclab}'s
 * factories, plus named-argument forms ({@code linearRegression(dims: 5)}, {@code adam(lr: 1e-3)}) and a closure
 * form of {@code gpt2}. Every public static method here is a word of the DSL, so nothing else belongs here.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    public static LinearRegression linearRegression(int dims) {
        return Iclab.linearRegression(dims);
    }

    public static LinearRegression linearRegression(int dims, double scale) {
        return Iclab.linearRegression(dims, scale);
    }

    /** {@code linearRegression(dims: 5)}, {@code linearRegression(dims: 5, scale: 2)}. */
    public static LinearRegression linearRegression(Map<String, ?> settings) {
        return NamedArguments.record("linearRegression", LinearRegression.class, settings);
    }

    // ---- Garg et al.'s other function classes ------------------------------------------------------------------

    public static SparseLinearRegression sparseLinearRegression(int dims) {
        return Iclab.sparseLinearRegression(dims);
    }

    public static SparseLinearRegression sparseLinearRegression(int dims, int sparsity) {
        return Iclab.sparseLinearRegression(dims, sparsity);
    }

    public static SparseLinearRegression sparseLinearRegression(int dims, int sparsity, double scale) {
        return Iclab.sparseLinearRegression(dims, sparsity, scale);
    }

    /** {@code sparseLinearRegression(dims: 20)}, {@code sparseLinearRegression(dims: 20, sparsity: 3, scale: 1)}. */
    public static SparseLinearRegression sparseLinearRegression(Map<String, ?> settings) {
        return NamedArguments.record("sparseLinearRegression", SparseLinearRegression.class, settings);
    }

    public static NoisyLinearRegression noisyLinearRegression(int dims) {
        return Iclab.noisyLinearRegression(dims);
    }

    public static NoisyLinearRegression noisyLinearRegression(int dims, double noise) {
        return Iclab.noisyLinearRegression(dims, noise);
    }

    public static NoisyLinearRegression noisyLinearRegression(int dims, double noise, boolean renormalize, double scale) {
        return Iclab.noisyLinearRegression(dims, noise, renormalize, scale);
    }

    /** {@code noisyLinearRegression(dims: 20, noise: 0.5)}, {@code noisyLinearRegression(dims: 20, renormalize: true)}. */
    public static NoisyLinearRegression noisyLinearRegression(Map<String, ?> settings) {
        return NamedArguments.record("noisyLinearRegression", NoisyLinearRegression.class, settings);
    }

    public static LinearClassification linearClassification(int dims) {
        return Iclab.linearClassification(dims);
    }

    /** {@code linearClassification(dims: 20)}. */
    public static LinearClassification linearClassification(Map<String, ?> settings) {
        return NamedArguments.record("linearClassification", LinearClassification.class, settings);
    }

    public static QuadraticRegression quadraticRegression(int dims) {
        return Iclab.quadraticRegression(dims);
    }

    public static QuadraticRegression quadraticRegression(int dims, double scale) {
        return Iclab.quadraticRegression(dims, scale);
    }

    /** {@code quadraticRegression(dims: 20)}, {@code quadraticRegression(dims: 20, scale: 2)}. */
    public static QuadraticRegression quadraticRegression(Map<String, ?> settings) {
        return NamedArguments.record("quadraticRegression", QuadraticRegression.class, settings);
    }

    public static ReluNetwork reluNetwork(int dims) {
        return Iclab.reluNetwork(dims);
    }

    public static ReluNetwork reluNetwork(int dims, int hidden) {
        return Iclab.reluNetwork(dims, hidden);
    }

    public static ReluNetwork reluNetwork(int dims, int hidden, double scale) {
        return Iclab.reluNetwork(dims, hidden, scale);
    }

    /** {@code reluNetwork(dims: 20)}, {@code reluNetwork(dims: 20, hidden: 100, scale: 1)}. */
    public static ReluNetwork reluNetwork(Map<String, ?> settings) {
        return NamedArguments.record("reluNetwork", ReluNetwork.class, settings);
    }

    public static DecisionTree decisionTree(int dims) {
        return Iclab.decisionTree(dims);
    }

    public static DecisionTree decisionTree(int dims, int depth) {
        return Iclab.decisionTree(dims, depth);
    }

    /** {@code decisionTree(dims: 20)}, {@code decisionTree(dims: 20, depth: 4)}. */
    public static DecisionTree decisionTree(Map<String, ?> settings) {
        return NamedArguments.record("decisionTree", DecisionTree.class, settings);
    }

    public static Gaussian gaussian() {
        return Iclab.gaussian();
    }

    // ---- input distributions and evaluation strategies ------------------------------------------------------

    public static Gaussian gaussian(double scale) {
        return Iclab.gaussian(scale);
    }

    public static Gaussian gaussian(double scale, double bias, String covariance) {
        return Iclab.gaussian(scale, bias, covariance);
    }

    public static Gaussian gaussian(double scale, double bias, String covariance, int rank) {
        return Iclab.gaussian(scale, bias, covariance, rank);
    }

    /** {@code gaussian(scale: 2, covariance: 'skewed')}, {@code gaussian(covariance: 'lowRank', rank: 10)}. */
    public static Gaussian gaussian(Map<String, ?> settings) {
        return NamedArguments.record("gaussian", Gaussian.class, settings);
    }

    public static Standard standard() {
        return Iclab.standard();
    }

    public static HalfSubspace halfSubspace() {
        return Iclab.halfSubspace();
    }

    public static SkewedCovariance skewedCovariance() {
        return Iclab.skewedCovariance();
    }

    public static OrthogonalTrainTest orthogonalTrainTest() {
        return Iclab.orthogonalTrainTest();
    }

    public static OverlappingTrainTest overlappingTrainTest() {
        return Iclab.overlappingTrainTest();
    }

    public static RandomQuadrants randomQuadrants() {
        return Iclab.randomQuadrants();
    }

    public static OppositeQuadrants oppositeQuadrants() {
        return Iclab.oppositeQuadrants();
    }

    /** {@code scaledX(2)}, {@code scaledX(1/3)} (Groovy's 1/3 is a BigDecimal; it arrives as the nearest double). */
    public static ScaledX scaledX(double factor) {
        return Iclab.scaledX(factor);
    }

    /** {@code scaledX(factor: 2)}. */
    public static ScaledX scaledX(Map<String, ?> settings) {
        return NamedArguments.record("scaledX", ScaledX.class, settings);
    }

    public static ScaledY scaledY(double factor) {
        return Iclab.scaledY(factor);
    }

    /** {@code scaledY(factor: 2)}. */
    public static ScaledY scaledY(Map<String, ?> settings) {
        return NamedArguments.record("scaledY", ScaledY.class, settings);
    }

    public static NoisyY noisyY(double sigma) {
        return Iclab.noisyY(sigma);
    }

    /** {@code noisyY(sigma: 0.5)}. */
    public static NoisyY noisyY(Map<String, ?> settings) {
        return NamedArguments.record("noisyY", NoisyY.class, settings);
    }

    /**
     * {@code strategies all()}: every strategy, as Garg et al. evaluate them; in a probe, {@code layers: all()}: every
     * layer (see {@link Every}).
     */
    public static Every all() {
        return new Every();
    }

    public static Interleaved interleaved(int points) {
        return Iclab.interleaved(points);
    }

    /** {@code interleaved(points: 11)}. */
    public static Interleaved interleaved(Map<String, ?> settings) {
        return NamedArguments.record("interleaved", Interleaved.class, settings);
    }

    public static Interleaved interleaved(int points, boolean disjoint, boolean yLast, String positional) {
        return Iclab.interleaved(points, disjoint, yLast, positional);
    }

    public static Stacked stacked(int points) {
        return Iclab.stacked(points);
    }

    public static Stacked stacked(int points, boolean yLast, String positional) {
        return Iclab.stacked(points, yLast, positional);
    }

    /** {@code stacked(points: 11)}, {@code stacked(points: 11, yLast: false, positional: 'none')}. */
    public static Stacked stacked(Map<String, ?> settings) {
        return NamedArguments.record("stacked", Stacked.class, settings);
    }

    public static Uniform uniform(double low, double high) {
        return Iclab.uniform(low, high);
    }

    /** {@code uniform(low: -0.5, high: 0.5)}. */
    public static Uniform uniform(Map<String, ?> settings) {
        return NamedArguments.record("uniform", Uniform.class, settings);
    }

    public static LinearAttention linearAttention(int layers) {
        return Iclab.linearAttention(layers);
    }

    public static LinearAttention linearAttention(int layers, int heads, int embed, boolean softmaxFirst, int positions) {
        return Iclab.linearAttention(layers, heads, embed, softmaxFirst, positions);
    }

    public static Looped looped(Gpt2 block, int loops) {
        return Iclab.looped(block, loops);
    }

    public static Looped looped(Gpt2 block, int loops, int window, String injection) {
        return Iclab.looped(block, loops, window, injection);
    }

    /** {@code linearAttention(layers: 1)}, {@code linearAttention(layers: 2, heads: 2, embed: 32, softmaxFirst: true)}. */
    public static LinearAttention linearAttention(Map<String, ?> settings) {
        return NamedArguments.record("linearAttention", LinearAttention.class, settings);
    }

    /** {@code looped(block: gpt2 { layers 1 }, loops: 12, window: 6, injection: 'add')}. */
    public static Looped looped(Map<String, ?> settings) {
        return NamedArguments.record("looped", Looped.class, settings);
    }

    public static Lstm lstm(int layers, int hidden) {
        return Iclab.lstm(layers, hidden);
    }

    public static Lstm lstm(int layers, int hidden, int positions) {
        return Iclab.lstm(layers, hidden, positions);
    }

    /** {@code lstm(layers: 2, hidden: 64)}. */
    public static Lstm lstm(Map<String, ?> settings) {
        return NamedArguments.record("lstm", Lstm.class, settings);
    }

    /** {@code gpt2('tiny')}, {@code gpt2('small')}, {@code gpt2('standard')}. */
    public static Gpt2 gpt2(String preset) {
        return Iclab.gpt2(preset);
    }

    /** {@code gpt2 { layers 3; heads 2; embed 64 }}, starting from tiny. */
    public static Gpt2 gpt2(@DelegatesTo(value = Gpt2.Builder.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        return Iclab.gpt2(b -> Blocks.call(body, b));
    }

    /** {@code gpt2(layers: 3, heads: 2, embed: 64)}; a {@code preset} is applied first. */
    public static Gpt2 gpt2(Map<String, ?> settings) {
        Gpt2.Builder b = Gpt2.builder();
        NamedArguments args = new NamedArguments("gpt2", settings, Builders.settings(Gpt2.Builder.class));
        if (args.has("preset")) {
            b.preset((String) args.convert("preset", String.class));
        }
        for (String name : settings.keySet()) {
            if (!name.equals("preset")) {
                try {
                    if (name.equals("layerNorm") || name.equals("mlp")) {
                        Gpt2.Builder.class.getMethod(name, boolean.class).invoke(b, args.convert(name, boolean.class));
                        continue;
                    }
                    Gpt2.Builder.class.getMethod(name, int.class).invoke(b, args.convert(name, int.class));
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Gpt2.Builder lacks an int setting " + name, e);
                }
            }
        }
        return b.build();
    }

    public static Adam adam(double lr) {
        return Iclab.adam(lr);
    }

    public static Adam adam(double lr, double beta1, double beta2, double eps) {
        return Iclab.adam(lr, beta1, beta2, eps);
    }

    /** {@code adam(lr: 1e-3)}, {@code adam(lr: 1e-3, beta2: 0.99)}. */
    public static Adam adam(Map<String, ?> settings) {
        return NamedArguments.record("adam", Adam.class, settings);
    }

    public static LeastSquares leastSquares() {
        return Iclab.leastSquares();
    }

    public static NearestNeighbors nearestNeighbors(int k) {
        return Iclab.nearestNeighbors(k);
    }

    /** {@code nearestNeighbors(k: 3)}. */
    public static NearestNeighbors nearestNeighbors(Map<String, ?> settings) {
        return NamedArguments.record("nearestNeighbors", NearestNeighbors.class, settings);
    }

    public static Averaging averaging() {
        return Iclab.averaging();
    }

    // Garg et al.'s further baselines

    public static Ridge ridge() {
        return Iclab.ridge();
    }

    public static Ridge ridge(double alpha) {
        return Iclab.ridge(alpha);
    }

    /** {@code ridge(alpha: 0.1)}. */
    public static Ridge ridge(Map<String, ?> settings) {
        return NamedArguments.record("ridge", Ridge.class, settings);
    }

    public static Lasso lasso(double alpha) {
        return Iclab.lasso(alpha);
    }

    /** {@code lasso(alpha: 0.01)}; alpha is required. */
    public static Lasso lasso(Map<String, ?> settings) {
        return NamedArguments.record("lasso", Lasso.class, settings);
    }

    public static GreedyTree greedyTree() {
        return Iclab.greedyTree();
    }

    public static GreedyTree greedyTree(int maxDepth) {
        return Iclab.greedyTree(maxDepth);
    }

    /** {@code greedyTree(maxDepth: 4)}; {@code greedyTree(maxDepth: 0)} grows without a depth limit. */
    public static GreedyTree greedyTree(Map<String, ?> settings) {
        return NamedArguments.record("greedyTree", GreedyTree.class, settings);
    }

    public static GradientBoosting gradientBoosting() {
        return Iclab.gradientBoosting();
    }

    public static GradientBoosting gradientBoosting(int rounds, int maxDepth, double learningRate) {
        return Iclab.gradientBoosting(rounds, maxDepth, learningRate);
    }

    /** {@code gradientBoosting(rounds: 20, maxDepth: 3)}; unnamed settings keep XGBRegressor's defaults. */
    public static GradientBoosting gradientBoosting(Map<String, ?> settings) {
        return NamedArguments.record("gradientBoosting", GradientBoosting.class, settings);
    }

    public static GradientDescentNet gradientDescentNet() {
        return Iclab.gradientDescentNet();
    }

    public static GradientDescentNet gradientDescentNet(int hidden, int steps, double lr, int batch) {
        return Iclab.gradientDescentNet(hidden, steps, lr, batch);
    }

    /** {@code gradientDescentNet(hidden: 50, lr: 1e-2)}; unnamed settings keep Garg et al.'s. */
    public static GradientDescentNet gradientDescentNet(Map<String, ?> settings) {
        return NamedArguments.record("gradientDescentNet", GradientDescentNet.class, settings);
    }

    public static Zero zero() {
        return Iclab.zero();
    }

    // ---- evaluation probes: linear-probe targets, alignment algorithms, controls -----------------------------------

    public static Weights weights() {
        return Iclab.weights();
    }

    public static LeastSquaresEstimate leastSquaresEstimate() {
        return Iclab.leastSquaresEstimate();
    }

    public static MomentXy momentXy() {
        return Iclab.momentXy();
    }

    public static GradientDescentIterate gradientDescentIterate(int steps) {
        return Iclab.gradientDescentIterate(steps);
    }

    public static GradientDescentIterate gradientDescentIterate(int steps, double lr) {
        return Iclab.gradientDescentIterate(steps, lr);
    }

    /** {@code gradientDescentIterate(steps: 1)}, {@code gradientDescentIterate(steps: 3, lr: 0.1)}, {@code lr: 'best'}. */
    public static GradientDescentIterate gradientDescentIterate(Map<String, ?> settings) {
        NamedArguments args = new NamedArguments("gradientDescentIterate", settings, List.of("steps", "lr"));
        if (!args.has("steps")) {
            throw new org.iclab.spec.SpecException("gradientDescentIterate", "steps", "is required", "missing");
        }
        return new GradientDescentIterate((int) args.convert("steps", int.class), ProbeArguments.stepSize(args, "gradientDescentIterate"));
    }

    public static Newton newton() {
        return Iclab.newton();
    }

    public static Newton newton(int iterations) {
        return Iclab.newton(iterations);
    }

    /** {@code newton(iterations: 1..20)}, {@code newton(iterations: [1, 2, 4, 8])}, {@code newton(iterations: 10)} (1..10). */
    public static Newton newton(Map<String, ?> settings) {
        NamedArguments args = new NamedArguments("newton", settings, List.of("iterations"));
        return args.has("iterations") ? new Newton(ProbeArguments.counts(args, "newton", "iterations")) : Iclab.newton();
    }

    public static GradientDescent gradientDescent() {
        return Iclab.gradientDescent();
    }

    public static GradientDescent gradientDescent(int steps) {
        return Iclab.gradientDescent(steps);
    }

    public static GradientDescent gradientDescent(int steps, double lr) {
        return Iclab.gradientDescent(steps, lr);
    }

    /** {@code gradientDescent(steps: 1..20)}, {@code gradientDescent(steps: 1..10, lr: 0.1)}, {@code lr: 'best'}. */
    public static GradientDescent gradientDescent(Map<String, ?> settings) {
        NamedArguments args = new NamedArguments("gradientDescent", settings, List.of("steps", "lr"));
        List<Integer> steps = args.has("steps") ? ProbeArguments.counts(args, "gradientDescent", "steps") : Iclab.gradientDescent().steps();
        return new GradientDescent(steps, ProbeArguments.stepSize(args, "gradientDescent"));
    }

    public static Constant constant() {
        return Iclab.constant();
    }

    public static Shuffled shuffled() {
        return Iclab.shuffled();
    }
}
