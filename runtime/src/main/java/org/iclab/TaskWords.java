package org.iclab;

import java.util.List;
import org.iclab.spec.task.BurstyClassification;
import org.iclab.spec.task.Cnf;
import org.iclab.spec.task.Conjunction;
import org.iclab.spec.task.DecisionTree;
import org.iclab.spec.task.Disjunction;
import org.iclab.spec.task.Dnf;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.inputs.Hypercube;
import org.iclab.spec.task.IntegerHalfspace;
import org.iclab.spec.task.LinearClassification;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.task.Majority;
import org.iclab.spec.Interval;
import org.iclab.spec.task.MarkovChain;
import org.iclab.spec.task.Mixture;
import org.iclab.spec.task.Representation;
import org.iclab.spec.task.Sinusoid;
import org.iclab.spec.task.MonotoneConjunction;
import org.iclab.spec.task.NearestNeighborTask;
import org.iclab.spec.task.NoisyLinearRegression;
import org.iclab.spec.task.Parity;
import org.iclab.spec.task.QuadraticRegression;
import org.iclab.spec.task.RegularLanguage;
import org.iclab.spec.task.ReluNetwork;
import org.iclab.spec.Span;
import org.iclab.spec.task.SparseDisjunction;
import org.iclab.spec.task.SparseLinearRegression;
import org.iclab.spec.task.SparseParity;
import org.iclab.spec.task.SparseThreshold;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TeachConjunction;
import org.iclab.spec.inputs.Uniform;

/**
 * The words of function classes (tasks) and input distributions: static factories making the spec records, in the forms a script writes them.
 * {@link Iclab} inherits them, so {@code import static org.iclab.Iclab.*} (scripts, jshell, tests) and
 * {@code Iclab.linearRegression(...)} reach them. A word without a factory here is still a word: the DSL takes its
 * record's constructors.
 */
public class TaskWords {
    TaskWords() {
    }

    /** Linear regression with d = {@code dims}: w ~ N(0, I), y = w·x. */
    public static LinearRegression linearRegression(int dims) {
        return new LinearRegression(dims);
    }

    /** Linear regression with y = scale · w·x. */
    public static LinearRegression linearRegression(int dims, double scale) {
        return new LinearRegression(dims, scale);
    }

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

    /** Inputs uniform on the Boolean cube {−1, +1}^n (the Boolean tasks' default). */
    public static Hypercube hypercube() {
        return new Hypercube();
    }

    /** Inputs with coordinates uniform on [low, high). */
    public static Uniform uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /** A mixture of function classes in equal proportions: each prompt's function comes from one of them. */
    public static Mixture mixture(Task... components) {
        return new Mixture(List.of(components));
    }

    /** A mixture of function classes with relative weights, one a component. */
    public static Mixture mixture(List<? extends Task> components, List<Double> weights) {
        return new Mixture(List.copyOf(components), weights);
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
}
