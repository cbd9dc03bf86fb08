package org.iclab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.iclab.probe.ProbeResults;
import org.iclab.io.Json;
import org.iclab.spec.Adam;
import org.iclab.spec.Averaging;
import org.iclab.spec.Bayes;
import org.iclab.spec.BurstyClassification;
import org.iclab.spec.FlippedLabels;
import org.iclab.spec.InContext;
import org.iclab.spec.InWeights;
import org.iclab.spec.TrainingTasks;
import org.iclab.spec.Cnf;
import org.iclab.spec.Conjunction;
import org.iclab.spec.Constant;
import org.iclab.spec.DecisionTree;
import org.iclab.spec.Disjunction;
import org.iclab.spec.Dnf;
import org.iclab.spec.Elimination;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.Gaussian;
import org.iclab.spec.GaussianElimination;
import org.iclab.spec.Gpt2;
import org.iclab.spec.GradientBoosting;
import org.iclab.spec.GradientDescent;
import org.iclab.spec.GradientDescentIterate;
import org.iclab.spec.GradientDescentNet;
import org.iclab.spec.GreedyTree;
import org.iclab.spec.Gru;
import org.iclab.spec.HalfSubspace;
import org.iclab.spec.Hypercube;
import org.iclab.spec.Inputs;
import org.iclab.spec.IntegerHalfspace;
import org.iclab.spec.Interleaved;
import org.iclab.spec.Lasso;
import org.iclab.spec.LeastSquares;
import org.iclab.spec.LeastSquaresEstimate;
import org.iclab.spec.LinearAttention;
import org.iclab.spec.LinearClassification;
import org.iclab.spec.LinearRegression;
import org.iclab.spec.Looped;
import org.iclab.spec.Lstm;
import org.iclab.spec.Majority;
import org.iclab.spec.Mamba;
import org.iclab.spec.Component;
import org.iclab.spec.ConvexCombination;
import org.iclab.spec.Interval;
import org.iclab.spec.MarkovChain;
import org.iclab.spec.Mixture;
import org.iclab.spec.Outside;
import org.iclab.spec.Phi;
import org.iclab.spec.Representation;
import org.iclab.spec.Sinusoid;
import org.iclab.spec.Model;
import org.iclab.spec.MomentXy;
import org.iclab.spec.MonotoneConjunction;
import org.iclab.spec.NearestNeighborTask;
import org.iclab.spec.NearestNeighbors;
import org.iclab.spec.Newton;
import org.iclab.spec.Ngram;
import org.iclab.spec.NoisyLinearRegression;
import org.iclab.spec.NoisyY;
import org.iclab.spec.OppositeQuadrants;
import org.iclab.spec.Oracle;
import org.iclab.spec.OrthogonalTrainTest;
import org.iclab.spec.OverlappingTrainTest;
import org.iclab.spec.Parity;
import org.iclab.spec.Perceptron;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.Prompt;
import org.iclab.spec.QuadraticRegression;
import org.iclab.spec.RandomQuadrants;
import org.iclab.spec.RegularLanguage;
import org.iclab.spec.ReluNetwork;
import org.iclab.spec.RetNet;
import org.iclab.spec.Ridge;
import org.iclab.spec.ScaledX;
import org.iclab.spec.ScaledY;
import org.iclab.spec.Shuffled;
import org.iclab.spec.SkewedCovariance;
import org.iclab.spec.Span;
import org.iclab.spec.SparseDisjunction;
import org.iclab.spec.SparseLinearRegression;
import org.iclab.spec.SparseParity;
import org.iclab.spec.SparseThreshold;
import org.iclab.spec.Stacked;
import org.iclab.spec.Standard;
import org.iclab.spec.Strategy;
import org.iclab.spec.Task;
import org.iclab.spec.TeachConjunction;
import org.iclab.spec.Tokens;
import org.iclab.spec.TrainPlan;
import org.iclab.spec.Uniform;
import org.iclab.spec.Weights;
import org.iclab.spec.Zero;

/**
 * iclab's entry point. Import its members statically and declare an experiment:
 *
 * <pre>{@code
 * import static org.iclab.Iclab.*;
 *
 * RunResult r = experiment("lr-tiny").seed(7)
 *         .task(linearRegression(5)).prompt(interleaved(11)).model(gpt2("tiny"))
 *         .train(t -> t.steps(2000).optimizer(adam(1e-3)))
 *         .evaluate(e -> e.baselines(leastSquares(), nearestNeighbors(3), averaging()))
 *         .probes(p -> p.linear(weights()).readout().alignment(newton()))
 *         .run();
 * r.error("model", 10);
 * }</pre>
 *
 * The Groovy DSL offers the same names: {@code task linearRegression(dims: 5)}, {@code model gpt2('tiny')}, ...
 */
public final class Iclab {
    private Iclab() {
    }

    /** Starts declaring an experiment named {@code name}. */
    public static Declaration experiment(String name) {
        return new Declaration(Experiment.builder(name));
    }

    /** Linear regression with d = {@code dims}: w ~ N(0, I), y = w·x. */
    public static LinearRegression linearRegression(int dims) {
        return new LinearRegression(dims);
    }

    /** Linear regression with y = scale · w·x. */
    public static LinearRegression linearRegression(int dims, double scale) {
        return new LinearRegression(dims, scale);
    }

    // ---- Garg et al.'s other function classes ------------------------------------------------------------------

    /** Sparse linear regression with d = {@code dims}: w keeps 3 non-zero coordinates (Garg et al.'s default). */
    public static SparseLinearRegression sparseLinearRegression(int dims) {
        return new SparseLinearRegression(dims);
    }

    /** Sparse linear regression whose w keeps {@code sparsity} non-zero coordinates. */
    public static SparseLinearRegression sparseLinearRegression(int dims, int sparsity) {
        return new SparseLinearRegression(dims, sparsity, 1.0);
    }

    /** Sparse linear regression with y = scale · w·x. */
    public static SparseLinearRegression sparseLinearRegression(int dims, int sparsity, double scale) {
        return new SparseLinearRegression(dims, sparsity, scale);
    }

    /** Noisy linear regression with noise of standard deviation 1: y = w·x + ε. */
    public static NoisyLinearRegression noisyLinearRegression(int dims) {
        return new NoisyLinearRegression(dims);
    }

    /** Noisy linear regression y = w·x + noise · ε. */
    public static NoisyLinearRegression noisyLinearRegression(int dims, double noise) {
        return new NoisyLinearRegression(dims, noise);
    }

    /** Noisy linear regression y = scale · w·x + noise · ε, optionally renormalised to variance d. */
    public static NoisyLinearRegression noisyLinearRegression(int dims, double noise, boolean renormalize, double scale) {
        return new NoisyLinearRegression(dims, noise, renormalize, scale);
    }

    /** Linear classification with d = {@code dims}: y = sign(w·x), trained with the logistic loss. */
    public static LinearClassification linearClassification(int dims) {
        return new LinearClassification(dims);
    }

    /** Quadratic regression: y = Σ w_i x_i² / √3. */
    public static QuadraticRegression quadraticRegression(int dims) {
        return new QuadraticRegression(dims);
    }

    /** Quadratic regression with y = scale · Σ w_i x_i² / √3. */
    public static QuadraticRegression quadraticRegression(int dims, double scale) {
        return new QuadraticRegression(dims, scale);
    }

    /** Two-layer ReLU networks with 100 hidden units (Garg et al.'s default). */
    public static ReluNetwork reluNetwork(int dims) {
        return new ReluNetwork(dims);
    }

    /** Two-layer ReLU networks with {@code hidden} hidden units. */
    public static ReluNetwork reluNetwork(int dims, int hidden) {
        return new ReluNetwork(dims, hidden, 1.0);
    }

    /** Two-layer ReLU networks with y multiplied by {@code scale}. */
    public static ReluNetwork reluNetwork(int dims, int hidden, double scale) {
        return new ReluNetwork(dims, hidden, scale);
    }

    /** Decision trees of depth 4 (Garg et al.'s default). */
    public static DecisionTree decisionTree(int dims) {
        return new DecisionTree(dims);
    }

    /** Decision trees of depth {@code depth}. */
    public static DecisionTree decisionTree(int dims, int depth) {
        return new DecisionTree(dims, depth);
    }

    /** x ~ N(0, I). */
    public static Gaussian gaussian() {
        return new Gaussian();
    }

    /** x = scale · z, z ~ N(0, I). */
    public static Gaussian gaussian(double scale) {
        return new Gaussian(scale, 0, Gaussian.ISOTROPIC, null);
    }

    /** x = scale · z·T + bias with covariance {@code "isotropic"}, {@code "skewed"} or {@code "lowRank"} (of rank dims / 2). */
    public static Gaussian gaussian(double scale, double bias, String covariance) {
        return new Gaussian(scale, bias, covariance, null);
    }

    /** x = scale · z·T + bias with a {@code "lowRank"} covariance of rank {@code rank}. */
    public static Gaussian gaussian(double scale, double bias, String covariance, int rank) {
        return new Gaussian(scale, bias, covariance, rank);
    }

    /** Garg et al.'s interleaved x, y tokens with {@code points} pairs. */
    public static Interleaved interleaved(int points) {
        return new Interleaved(points);
    }

    /** Interleaved tokens with y disjoint from x ({@code disjoint}), y last ({@code yLast}), and a positional encoding (learned, none, sinusoidal; null: the model's default). */
    public static Interleaved interleaved(int points, boolean disjoint, boolean yLast, String positional) {
        return new Interleaved(points, disjoint, yLast, positional);
    }

    /** Von Oswald et al.'s stacked tokens [x; y] with a query [x; 0] per prefix, y last. */
    public static Stacked stacked(int points) {
        return new Stacked(points);
    }

    /** Stacked tokens with y last or first and a positional encoding (learned, none, sinusoidal; null: the model's default). */
    public static Stacked stacked(int points, boolean yLast, String positional) {
        return new Stacked(points, yLast, positional);
    }

    /** Inputs uniform on the Boolean cube {−1, +1}^n (the Boolean tasks' default). */
    public static Hypercube hypercube() {
        return new Hypercube();
    }

    /** Inputs with coordinates uniform on [low, high). */
    public static Uniform uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /** Von Oswald et al.'s linear self-attention: {@code layers} layers, one head, the tokens as the stream. */
    public static LinearAttention linearAttention(int layers) {
        return new LinearAttention(layers);
    }

    /** Linear self-attention with {@code heads} full-width heads, a stream of width {@code embed} (0: the tokens), a softmax first layer or not. */
    public static LinearAttention linearAttention(int layers, int heads, int embed, boolean softmaxFirst, int positions) {
        return new LinearAttention(layers, heads, embed, softmaxFirst, positions);
    }

    /** Yang et al.'s looped transformer: {@code block} applied {@code loops} times, input injected by addition, every loop in the loss. */
    public static Looped looped(Gpt2 block, int loops) {
        return new Looped(block, loops);
    }

    /** A looped transformer whose loss averages the last {@code window} loops, with injection 'add' or 'none'. */
    public static Looped looped(Gpt2 block, int loops, int window, String injection) {
        return new Looped(block, loops, window, injection);
    }

    /** An LSTM with {@code layers} layers of width {@code hidden}. */
    public static Lstm lstm(int layers, int hidden) {
        return new Lstm(layers, hidden);
    }

    /** An LSTM reaching {@code positions} pairs. */
    public static Lstm lstm(int layers, int hidden, int positions) {
        return new Lstm(layers, hidden, positions);
    }

    /** A mixture of function classes in equal proportions: each prompt's function comes from one of them. */
    public static Mixture mixture(Task... components) {
        return new Mixture(List.of(components));
    }

    /** A mixture of function classes with relative weights, one a component. */
    public static Mixture mixture(List<? extends Task> components, List<Double> weights) {
        return new Mixture(List.copyOf(components), weights);
    }

    /** Probe target: Phi(x_k) of a representation task. */
    public static Phi phi() {
        return new Phi();
    }

    /** Learning with a representation: y = w.Phi(x), Phi two ReLU layers as wide as the input, from seed 0. */
    public static Representation representation(int dims) {
        return new Representation(dims);
    }

    /** Learning with a representation: Phi of {@code layers} layers {@code width} wide, noise {@code noise}. */
    public static Representation representation(int dims, int layers, int width, String activation, double noise, long phiSeed) {
        return new Representation(dims, layers, width, activation, noise, phiSeed);
    }

    /** Sinusoids y = A sin(w u.x + phi) with A = 1 and w uniform on [0.5, 2]. */
    public static Sinusoid sinusoid(int dims) {
        return new Sinusoid(dims);
    }

    /** Sinusoids with the amplitude and the frequency drawn uniformly from their intervals. */
    public static Sinusoid sinusoid(int dims, Interval amplitude, Interval frequency) {
        return new Sinusoid(dims, amplitude, frequency);
    }

    /** A first-order Markov chain over {@code states} tokens, a fresh table per prompt (uniform Dirichlet rows), 64 tokens long. */
    public static MarkovChain markovChain(int states) {
        return new MarkovChain(states);
    }

    /** A Markov chain of order {@code order}, rows ~ Dirichlet(concentration), {@code length} tokens per prompt. */
    public static MarkovChain markovChain(int states, int order, double concentration, int length) {
        return new MarkovChain(states, order, concentration, length);
    }

    /** Conjunctions of literals (Bhattamishra et al.): literals .15 / .15 / .7, 30% of points forced positive. */
    public static Conjunction conjunction(int dims) {
        return new Conjunction(dims);
    }

    /** Conjunctions whose labels are flipped with probability {@code labelNoise}. */
    public static Conjunction conjunction(int dims, double labelNoise) {
        return new Conjunction(dims, labelNoise);
    }

    /** Conjunctions of positive literals (each coordinate with probability 1/3). */
    public static MonotoneConjunction monotoneConjunction(int dims) {
        return new MonotoneConjunction(dims);
    }

    public static MonotoneConjunction monotoneConjunction(int dims, double labelNoise) {
        return new MonotoneConjunction(dims, labelNoise);
    }

    /** Disjunctions of literals: literals .15 / .15 / .7, 30% of points forced negative. */
    public static Disjunction disjunction(int dims) {
        return new Disjunction(dims);
    }

    public static Disjunction disjunction(int dims, double labelNoise) {
        return new Disjunction(dims, labelNoise);
    }

    /** Disjunctions of 4 positive literals. */
    public static SparseDisjunction sparseDisjunction(int dims) {
        return new SparseDisjunction(dims);
    }

    /** Disjunctions of {@code literals} positive literals. */
    public static SparseDisjunction sparseDisjunction(int dims, int literals) {
        return new SparseDisjunction(dims, literals, 0);
    }

    public static SparseDisjunction sparseDisjunction(int dims, int literals, double labelNoise) {
        return new SparseDisjunction(dims, literals, labelNoise);
    }

    /** 3-term DNF. */
    public static Dnf dnf(int dims) {
        return new Dnf(dims);
    }

    /** DNF of {@code terms} terms. */
    public static Dnf dnf(int dims, int terms) {
        return new Dnf(dims, terms, 0);
    }

    public static Dnf dnf(int dims, int terms, double labelNoise) {
        return new Dnf(dims, terms, labelNoise);
    }

    /** 3-clause CNF. */
    public static Cnf cnf(int dims) {
        return new Cnf(dims);
    }

    /** CNF of {@code clauses} clauses. */
    public static Cnf cnf(int dims, int clauses) {
        return new Cnf(dims, clauses, 0);
    }

    public static Cnf cnf(int dims, int clauses, double labelNoise) {
        return new Cnf(dims, clauses, labelNoise);
    }

    /** Majority over a random subset (each coordinate with probability .3). */
    public static Majority majority(int dims) {
        return new Majority(dims);
    }

    public static Majority majority(int dims, double labelNoise) {
        return new Majority(dims, labelNoise);
    }

    /** Halfspaces with integer weights in {-3..3}: y = sign(w·x − ½). */
    public static IntegerHalfspace integerHalfspace(int dims) {
        return new IntegerHalfspace(dims);
    }

    public static IntegerHalfspace integerHalfspace(int dims, double labelNoise) {
        return new IntegerHalfspace(dims, labelNoise);
    }

    /** Sparse thresholds: w in {+1, −1, 0} (.15 / .15 / .7), θ in {−3..2} + ½. */
    public static SparseThreshold sparseThreshold(int dims) {
        return new SparseThreshold(dims);
    }

    public static SparseThreshold sparseThreshold(int dims, double labelNoise) {
        return new SparseThreshold(dims, labelNoise);
    }

    /** Parities of a uniformly random subset. */
    public static Parity parity(int dims) {
        return new Parity(dims);
    }

    public static Parity parity(int dims, double labelNoise) {
        return new Parity(dims, labelNoise);
    }

    /** Parities of 2 coordinates. */
    public static SparseParity sparseParity(int dims) {
        return new SparseParity(dims);
    }

    /** Parities of {@code k} coordinates. */
    public static SparseParity sparseParity(int dims, int k) {
        return new SparseParity(dims, k, 0);
    }

    public static SparseParity sparseParity(int dims, int k, double labelNoise) {
        return new SparseParity(dims, k, labelNoise);
    }

    /** Labels copied from the nearest earlier input after 10 random ones. */
    public static NearestNeighborTask nearestNeighbor(int dims) {
        return new NearestNeighborTask(dims);
    }

    /** Labels copied from the nearest earlier input after {@code start} random ones. */
    public static NearestNeighborTask nearestNeighbor(int dims, int start) {
        return new NearestNeighborTask(dims, start, 0);
    }

    public static NearestNeighborTask nearestNeighbor(int dims, int start, double labelNoise) {
        return new NearestNeighborTask(dims, start, labelNoise);
    }

    /** Monotone conjunctions whose prompts open with their teaching sequence. */
    public static TeachConjunction teachConjunction(int dims) {
        return new TeachConjunction(dims);
    }

    public static TeachConjunction teachConjunction(int dims, double labelNoise) {
        return new TeachConjunction(dims, labelNoise);
    }

    /** RegBench's random regular languages: 4–12 states, 4–18 symbols, 1–3 edges, 10–19 strings of 1–49 symbols. */
    public static RegularLanguage regularLanguage() {
        return new RegularLanguage();
    }

    /** Random regular languages with the given ranges, each drawn uniformly per prompt ({@code new Span(4, 12)}: 4..12). */
    public static RegularLanguage regularLanguage(Span states, Span alphabet, Span edges, Span strings, Span stringLength) {
        return new RegularLanguage(states, alphabet, edges, strings, stringLength);
    }

    /** Reddy's bursty classification with his script's settings: K = 512 classes on L = 32 labels, N = 8 pairs, B = 2, D = 63. */
    public static BurstyClassification burstyClassification() {
        return new BurstyClassification();
    }

    /** Reddy's bursty classification with the given settings ({@code maxPairs} 0: 32, or pairs where larger). */
    public static BurstyClassification burstyClassification(int classes, int labels, int pairs, int burstiness, double withinClassNoise,
                                                            double zipf, double burstyFraction, double novelFraction, int dims,
                                                            int maxPairs, long classSeed) {
        return new BurstyClassification(classes, labels, pairs, burstiness, withinClassNoise, zipf, burstyFraction, novelFraction,
                dims, maxPairs, classSeed);
    }

    /** Prompts of the training pool's functions, with fresh inputs (the experiment's own prompts without a pool). */
    public static TrainingTasks trainingTasks() {
        return new TrainingTasks();
    }

    /** burstyClassification's in-context test set: bursty sequences of novel classes. */
    public static InContext inContext() {
        return new InContext();
    }

    /** burstyClassification's test set of known classes whose labels all show label + 1 mod L. */
    public static FlippedLabels flippedLabels() {
        return new FlippedLabels();
    }

    /** burstyClassification's in-weights test set: known classes drawn independently, no bursts. */
    public static InWeights inWeights() {
        return new InWeights();
    }

    /** RetNet: {@code layers} blocks of multi-scale retention ({@code heads} decays) and an MLP, {@code embed} wide. */
    public static RetNet retnet(int layers, int heads, int embed) {
        return new RetNet(layers, heads, embed);
    }

    /** RetNet reading prompts of at most {@code positions} pairs (or tokens). */
    public static RetNet retnet(int layers, int heads, int embed, int positions) {
        return new RetNet(layers, heads, embed, positions);
    }

    /** Mamba: {@code layers} blocks of a selective state-space recurrence, {@code embed} wide, state size {@code state}. */
    public static Mamba mamba(int layers, int embed, int state) {
        return new Mamba(layers, embed, state);
    }

    /** Mamba reading prompts of at most {@code positions} pairs (or tokens). */
    public static Mamba mamba(int layers, int embed, int state, int positions) {
        return new Mamba(layers, embed, state, positions);
    }

    /** A token task's prompt: its sequences as they are, their length the task's. */
    public static Tokens tokens() {
        return new Tokens();
    }

    /** A token prompt of {@code points} tokens (0: the task's length) with a positional encoding (null: the model's default). */
    public static Tokens tokens(int points, String positional) {
        return new Tokens(points, positional);
    }

    /** A GRU with {@code layers} layers of width {@code hidden}. */
    public static Gru gru(int layers, int hidden) {
        return new Gru(layers, hidden);
    }

    /** A GRU reaching {@code positions} pairs. */
    public static Gru gru(int layers, int hidden, int positions) {
        return new Gru(layers, hidden, positions);
    }

    /** GPT-2 of a preset size: tiny, small or standard. */
    public static Gpt2 gpt2(String preset) {
        return Gpt2.preset(preset);
    }

    /** GPT-2 sized by a block, starting from tiny. */
    public static Gpt2 gpt2(Consumer<Gpt2.Builder> body) {
        Gpt2.Builder b = Gpt2.builder();
        body.accept(b);
        return b.build();
    }

    /** Adam with the given learning rate, β = (0.9, 0.999), ε = 1e-8. */
    public static Adam adam(double lr) {
        return new Adam(lr);
    }

    public static Adam adam(double lr, double beta1, double beta2, double eps) {
        return new Adam(lr, beta1, beta2, eps);
    }

    public static LeastSquares leastSquares() {
        return new LeastSquares();
    }

    public static NearestNeighbors nearestNeighbors(int k) {
        return new NearestNeighbors(k);
    }

    public static Averaging averaging() {
        return new Averaging();
    }

    // Garg et al.'s further baselines

    /** Ridge regression (no intercept) with scikit-learn's default alpha 1. */
    public static Ridge ridge() {
        return new Ridge();
    }

    /** Ridge regression (no intercept): w minimises ||y - Xw||² + alpha·||w||². */
    public static Ridge ridge(double alpha) {
        return new Ridge(alpha);
    }

    /** The Lasso (no intercept, scikit-learn's objective): w minimises ||y - Xw||² / (2k) + alpha·||w||₁. */
    public static Lasso lasso(double alpha) {
        return new Lasso(alpha);
    }

    /** A greedy regression tree (CART) of depth at most 4. */
    public static GreedyTree greedyTree() {
        return new GreedyTree();
    }

    /** A greedy regression tree (CART) of depth at most {@code maxDepth}; 0 for unlimited ({@link GreedyTree#UNLIMITED}). */
    public static GreedyTree greedyTree(int maxDepth) {
        return new GreedyTree(maxDepth);
    }

    /** Gradient-boosted trees with XGBRegressor's defaults: 100 rounds, depth 6, learning rate 0.3. */
    public static GradientBoosting gradientBoosting() {
        return new GradientBoosting();
    }

    public static GradientBoosting gradientBoosting(int rounds, int maxDepth, double learningRate) {
        return new GradientBoosting(rounds, maxDepth, learningRate);
    }

    /** Garg et al.'s GDModel: a fresh two-layer ReLU net per prompt and k (hidden 100, 100 Adam steps, lr 5e-3, batch 100). */
    public static GradientDescentNet gradientDescentNet() {
        return new GradientDescentNet();
    }

    public static GradientDescentNet gradientDescentNet(int hidden, int steps, double lr, int batch) {
        return new GradientDescentNet(hidden, steps, lr, batch);
    }

    /** The elimination algorithm for conjunctions. */
    public static Elimination elimination() {
        return new Elimination();
    }

    /** The elimination algorithm for {@code form} 'conjunction' or 'disjunction'. */
    public static Elimination elimination(String form) {
        return new Elimination(form);
    }

    /** Parity by Gaussian elimination over GF(2). */
    public static GaussianElimination gaussianElimination() {
        return new GaussianElimination();
    }

    /** The perceptron with a bias, at most 100 passes. */
    public static Perceptron perceptron() {
        return new Perceptron();
    }

    /** The perceptron with a bias, at most {@code epochs} passes. */
    public static Perceptron perceptron(int epochs) {
        return new Perceptron(epochs);
    }

    /** The in-context n-gram with back-off, for token tasks. */
    public static Ngram ngram(int n) {
        return new Ngram(n);
    }

    /** The Bayes-optimal next-token predictor of a markovChain task. */
    public static Bayes bayes() {
        return new Bayes();
    }

    /** The true next-token distribution of each sequence, for markovChain tasks. */
    public static Oracle oracle() {
        return new Oracle();
    }

    /** Predicts 0. */
    public static Zero zero() {
        return new Zero();
    }

    // ---- evaluation strategies (Garg et al. 2022, section 4) --------------------------------------------------

    /** The experiment's own prompts. */
    public static Standard standard() {
        return new Standard();
    }

    /** Prompts of component {@code index} (from 0) of a mixture only. */
    public static Component component(int index) {
        return new Component(index);
    }

    /** Functions a·f₁ + (1 − a)·f₂ of a mixture's first two components. */
    public static ConvexCombination convexCombination(double a) {
        return new ConvexCombination(a);
    }

    /** Functions a·f₁ + (1 − a)·f₂ of components {@code first} and {@code second} of a mixture. */
    public static ConvexCombination convexCombination(double a, int first, int second) {
        return new ConvexCombination(a, first, second);
    }

    /** Prompts of another function class, labelled outside(its word). */
    public static Outside outside(Task task) {
        return new Outside(task);
    }

    /** Prompts of another function class, labelled outside(name). */
    public static Outside outside(Task task, String name) {
        return new Outside(task, name);
    }

    /** Inputs in a random subspace of half the dimensions. */
    public static HalfSubspace halfSubspace() {
        return new HalfSubspace();
    }

    /** Inputs with a skewed covariance (eigenvalues proportional to 1/i²). */
    public static SkewedCovariance skewedCovariance() {
        return new SkewedCovariance();
    }

    /** The query at k orthogonal to the k context inputs before it. */
    public static OrthogonalTrainTest orthogonalTrainTest() {
        return new OrthogonalTrainTest();
    }

    /** The query at k is one of the context inputs before it. */
    public static OverlappingTrainTest overlappingTrainTest() {
        return new OverlappingTrainTest();
    }

    /** Context inputs in one random orthant per prompt, queries anywhere. */
    public static RandomQuadrants randomQuadrants() {
        return new RandomQuadrants();
    }

    /** Context inputs in one random orthant per prompt, queries in the opposite one. */
    public static OppositeQuadrants oppositeQuadrants() {
        return new OppositeQuadrants();
    }

    /** Every input multiplied by {@code factor}. */
    public static ScaledX scaledX(double factor) {
        return new ScaledX(factor);
    }

    /** Every y multiplied by {@code factor}. */
    public static ScaledY scaledY(double factor) {
        return new ScaledY(factor);
    }

    /** Gaussian noise of standard deviation {@code sigma} on every y. */
    public static NoisyY noisyY(double sigma) {
        return new NoisyY(sigma);
    }

    /**
     * Every strategy, as Garg et al. evaluate them: standard, halfSubspace, skewedCovariance, orthogonalTrainTest,
     * overlappingTrainTest, randomQuadrants, oppositeQuadrants, scaledX and scaledY by 1/3, 1/2, 2 and 3, and
     * noisyY(1).
     */
    public static List<Strategy> all() {
        List<Strategy> all = new ArrayList<>(List.of(standard(), halfSubspace(), skewedCovariance(), orthogonalTrainTest(),
                overlappingTrainTest(), randomQuadrants(), oppositeQuadrants()));
        double[] factors = {1.0 / 3, 0.5, 2, 3};
        for (double f : factors) {
            all.add(scaledX(f));
        }
        for (double f : factors) {
            all.add(scaledY(f));
        }
        all.add(noisyY(1));
        return List.copyOf(all);
    }

    // ---- evaluation probes (Akyürek et al. 2023, Fu et al. 2023) ---------------------------------------------------

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

    /**
     * Runs probes on a saved run: restores the model of {@code runDirectory} from its latest checkpoint and writes
     * probes.csv, probes.json and the probe figures there ({@code iclab probe RUN_DIR SCRIPT}).
     */
    public static ProbeResults probe(Path runDirectory, Consumer<ProbePlan.Builder> body) {
        ProbePlan.Builder b = ProbePlan.builder();
        body.accept(b);
        return probe(runDirectory, b.build(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public static ProbeResults probe(Path runDirectory, ProbePlan plan, int threads) {
        return probe(runDirectory, plan, threads, null);
    }

    /**
     * As {@link #probe(Path, ProbePlan, int)}; {@code xla} true reads the model through XLA, false through the executor,
     * null as the run was trained (its env.json; the executor where it does not say). See {@link RunOptions#xla}.
     */
    public static ProbeResults probe(Path runDirectory, ProbePlan plan, int threads, Boolean xla) {
        return ExperimentRunner.probe(runDirectory, plan, threads, xla);
    }

    /** Compiles, trains, evaluates and writes a run directory under {@code runs/}. */
    public static RunResult run(Experiment experiment) {
        return run(experiment, RunOptions.defaults());
    }

    public static RunResult run(Experiment experiment, RunOptions options) {
        return ExperimentRunner.run(experiment, options);
    }

    /** Reads an experiment from a run's spec.json. */
    public static Experiment load(Path specJson) {
        return Json.readExperiment(specJson);
    }

    /** Continues the run in {@code runDirectory} from its latest checkpoint. */
    public static RunResult resume(Path runDirectory) {
        return resume(runDirectory, RunOptions.builder());
    }

    public static RunResult resume(Path runDirectory, RunOptions.Builder options) {
        Experiment experiment = load(runDirectory.resolve(org.iclab.report.RunDirectory.SPEC));
        return run(experiment, options.resume(runDirectory).build());
    }

    /** iclab's version. */
    public static String version() {
        return Version.of();
    }

    /** A fluent declaration: the experiment builder's settings plus {@link #run()}. */
    public static final class Declaration {
        private final Experiment.Builder builder;

        Declaration(Experiment.Builder builder) {
            this.builder = builder;
        }

        public Declaration seed(long seed) {
            builder.seed(seed);
            return this;
        }

        public Declaration task(Task task) {
            builder.task(task);
            return this;
        }

        public Declaration inputs(Inputs inputs) {
            builder.inputs(inputs);
            return this;
        }

        public Declaration prompt(Prompt prompt) {
            builder.prompt(prompt);
            return this;
        }

        public Declaration model(Model model) {
            builder.model(model);
            return this;
        }

        public Declaration train(Consumer<TrainPlan.Builder> body) {
            builder.train(body);
            return this;
        }

        public Declaration evaluate(Consumer<EvalPlan.Builder> body) {
            builder.evaluate(body);
            return this;
        }

        public Declaration probes(Consumer<ProbePlan.Builder> body) {
            builder.probes(body);
            return this;
        }

        /** Validates and returns the experiment without running it. */
        public Experiment build() {
            return builder.build();
        }

        public RunResult run() {
            return Iclab.run(build());
        }

        public RunResult run(RunOptions options) {
            return Iclab.run(build(), options);
        }
    }
}
