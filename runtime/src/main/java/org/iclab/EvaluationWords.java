package org.iclab;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.strategy.FlippedLabels;
import org.iclab.spec.strategy.InContext;
import org.iclab.spec.strategy.InWeights;
import org.iclab.spec.strategy.TrainingTasks;
import org.iclab.spec.baseline.Elimination;
import org.iclab.spec.baseline.GaussianElimination;
import org.iclab.spec.baseline.GradientBoosting;
import org.iclab.spec.baseline.GradientDescentNet;
import org.iclab.spec.baseline.GreedyTree;
import org.iclab.spec.strategy.HalfSubspace;
import org.iclab.spec.baseline.Lasso;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.strategy.Component;
import org.iclab.spec.strategy.ConvexCombination;
import org.iclab.spec.strategy.Outside;
import org.iclab.spec.baseline.NearestNeighbors;
import org.iclab.spec.baseline.Ngram;
import org.iclab.spec.strategy.NoisyY;
import org.iclab.spec.strategy.OppositeQuadrants;
import org.iclab.spec.baseline.Oracle;
import org.iclab.spec.strategy.OrthogonalTrainTest;
import org.iclab.spec.strategy.OverlappingTrainTest;
import org.iclab.spec.baseline.Perceptron;
import org.iclab.spec.strategy.RandomQuadrants;
import org.iclab.spec.baseline.Ridge;
import org.iclab.spec.strategy.ScaledX;
import org.iclab.spec.strategy.ScaledY;
import org.iclab.spec.strategy.SkewedCovariance;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.Task;
import org.iclab.spec.baseline.Zero;

/**
 * The words of baselines and evaluation strategies: static factories making the spec records, in the forms a script writes them.
 * {@link Iclab} inherits them, so {@code import static org.iclab.Iclab.*} (scripts, jshell, tests) and
 * {@code Iclab.leastSquares(...)} reach them. A word without a factory here is still a word: the DSL takes its
 * record's constructors.
 */
public class EvaluationWords extends ModelWords {
    EvaluationWords() {
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
}
