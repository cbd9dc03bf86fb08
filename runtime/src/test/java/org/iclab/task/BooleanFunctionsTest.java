package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.iclab.spec.task.BooleanTask;
import org.iclab.spec.task.Cnf;
import org.iclab.spec.task.Conjunction;
import org.iclab.spec.task.Disjunction;
import org.iclab.spec.task.Dnf;
import org.iclab.spec.inputs.Hypercube;
import org.iclab.spec.task.IntegerHalfspace;
import org.iclab.spec.task.Majority;
import org.iclab.spec.task.MonotoneConjunction;
import org.iclab.spec.task.NearestNeighborTask;
import org.iclab.spec.task.Parity;
import org.iclab.spec.task.SparseDisjunction;
import org.iclab.spec.task.SparseParity;
import org.iclab.spec.task.SparseThreshold;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TeachConjunction;
import org.junit.jupiter.api.Test;

/**
 * The Boolean classes against their definitions (Bhattamishra et al.'s bool_tasks.py): every label is checked against
 * the formula evaluated another way (the reference's halfspace forms, the parity as a sum mod 2), and the literal
 * probabilities and forcing fractions are measured on 10^4 draws against their closed forms.
 */
class BooleanFunctionsTest {
    private static final int DRAWS = 10_000;
    private static final int N = 10;
    private static final int POINTS = 20;

    /** One prompt of {@code task} from {@code seed}, with the function it was drawn from (the first draw of the stream). */
    private record Drawn(TaskFunction f, PromptBatch batch) {
        double x(int i, int j) {
            return batch.x(0, i, j);
        }

        double y(int i) {
            return batch.y(0, i);
        }
    }

    private static Drawn draw(Task task, long seed) {
        @SuppressWarnings("unchecked")
        FunctionClass<Task> c = (FunctionClass<Task>) FunctionClass.of(task);
        TaskFunction f = c.draw(task, new SplittableRandom(seed), task.dims());
        return new Drawn(f, new PromptSampler(task, new Hypercube()).sample(seed, 1, POINTS, task.dims()));
    }

    /** Checks every label of {@code DRAWS / POINTS} prompts with {@code formula}; returns the fraction labelled +1. */
    private static double checkLabels(Task task, BiFunction<Drawn, Integer, Double> formula) {
        int positives = 0;
        int prompts = DRAWS / POINTS;
        for (int s = 0; s < prompts; s++) {
            Drawn d = draw(task, 1000 + s);
            for (int i = 0; i < POINTS; i++) {
                for (int j = 0; j < N; j++) {
                    assertThat(Math.abs(d.x(i, j))).isEqualTo(1.0);
                }
                assertThat(d.y(i)).as("label %d of prompt %d of %s", i, s, task).isEqualTo(formula.apply(d, i));
                positives += d.y(i) > 0 ? 1 : 0;
            }
        }
        return positives / (double) (prompts * POINTS);
    }

    private static double dot(Drawn d, int i, int[] w) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * d.x(i, j);
        }
        return s;
    }

    private static double l1(int[] w) {
        return java.util.Arrays.stream(w).map(Math::abs).sum();
    }

    private static double sign(double v) {
        return Math.signum(v);
    }

    /** Tolerance for a frequency p measured on {@code n} draws: five standard deviations. */
    private static org.assertj.core.data.Offset<Double> sampling(double p, int n) {
        return within(5 * Math.sqrt(p * (1 - p) / n) + 1e-9);
    }

    @Test
    void conjunctionLabelsAreTheReferenceHalfspaceAndThirtyPercentAreForcedPositive() {
        double positive = checkLabels(new Conjunction(N), (d, i) -> {
            int[] w = ((BooleanFunctions.Dnf) d.f()).terms()[0];
            return sign(dot(d, i, w) - (l1(w) - 1));
        });
        // unforced points satisfy m literals with probability 2^-m, E[2^-m] = (0.7 + 0.3 / 2)^n
        double expected = 0.3 + 0.7 * Math.pow(0.85, N);
        assertThat(positive).isCloseTo(expected, sampling(expected, DRAWS));
    }

    @Test
    void disjunctionLabelsAreTheReferenceHalfspaceAndThirtyPercentAreForcedNegative() {
        double positive = checkLabels(new Disjunction(N), (d, i) -> {
            int[] w = ((BooleanFunctions.Cnf) d.f()).clauses()[0];
            return sign(dot(d, i, w) + l1(w) - 1);
        });
        double expectedNegative = 0.3 + 0.7 * Math.pow(0.85, N);
        assertThat(1 - positive).isCloseTo(expectedNegative, sampling(expectedNegative, DRAWS));
    }

    @Test
    void monotoneConjunctionHasPositiveLiteralsOnly() {
        double positive = checkLabels(new MonotoneConjunction(N), (d, i) -> {
            int[] w = ((BooleanFunctions.Dnf) d.f()).terms()[0];
            assertThat(w).doesNotContain(-1);
            return sign(dot(d, i, w) - (l1(w) - 1));
        });
        double expected = 0.3 + 0.7 * Math.pow(2.0 / 3 + 1.0 / 6, N);
        assertThat(positive).isCloseTo(expected, sampling(expected, DRAWS));
    }

    @Test
    void sparseDisjunctionHasExactlyItsLiterals() {
        double positive = checkLabels(new SparseDisjunction(N, 4, 0), (d, i) -> {
            int[] w = ((BooleanFunctions.Cnf) d.f()).clauses()[0];
            assertThat(l1(w)).isEqualTo(4);
            assertThat(w).doesNotContain(-1);
            return sign(dot(d, i, w) + l1(w) - 1);
        });
        double expectedNegative = 0.3 + 0.7 / 16;
        assertThat(1 - positive).isCloseTo(expectedNegative, sampling(expectedNegative, DRAWS));
    }

    @Test
    void dnfIsTheMaximumOfItsTermsAndItsChosenTermIsForcedAtThirtyFivePercent() {
        int[] satisfied = new int[1];
        checkLabels(new Dnf(N, 3, 0), (d, i) -> {
            BooleanFunctions.Dnf f = (BooleanFunctions.Dnf) d.f();
            assertThat(f.terms()).hasNumberOfRows(3);
            double y = -1;
            for (int[] t : f.terms()) {
                y = Math.max(y, sign(dot(d, i, t) - (l1(t) - 1)));
            }
            satisfied[0] += dot(d, i, f.forcing().values()) == l1(f.forcing().values()) ? 1 : 0;
            return y;
        });
        double expected = 0.35 + 0.65 * Math.pow(0.9, N);
        assertThat(satisfied[0] / (double) DRAWS).isCloseTo(expected, sampling(expected, DRAWS));
    }

    @Test
    void cnfIsTheMinimumOfItsClausesAndItsChosenClauseIsForcedFalseAtThirtyPercent() {
        int[] falsified = new int[1];
        checkLabels(new Cnf(N, 3, 0), (d, i) -> {
            BooleanFunctions.Cnf f = (BooleanFunctions.Cnf) d.f();
            double y = 1;
            for (int[] c : f.clauses()) {
                y = Math.min(y, sign(dot(d, i, c) + l1(c) - 1));
            }
            // the forcing values are the chosen clause negated: all of them hold exactly when the clause is false
            falsified[0] += dot(d, i, f.forcing().values()) == l1(f.forcing().values()) ? 1 : 0;
            return y;
        });
        double expected = 0.3 + 0.7 * Math.pow(0.9, N);
        assertThat(falsified[0] / (double) DRAWS).isCloseTo(expected, sampling(expected, DRAWS));
    }

    @Test
    void thresholdClassesAreSignsOfHalfIntegerShiftedDotProducts() {
        checkLabels(new Majority(N), (d, i) -> sign(dot(d, i, ((BooleanFunctions.Threshold) d.f()).w()) - 0.5));
        checkLabels(new IntegerHalfspace(N), (d, i) -> sign(dot(d, i, ((BooleanFunctions.Threshold) d.f()).w()) - 0.5));
        checkLabels(new SparseThreshold(N), (d, i) -> {
            BooleanFunctions.Threshold f = (BooleanFunctions.Threshold) d.f();
            return sign(dot(d, i, f.w()) - f.theta());
        });
    }

    @Test
    void parityIsTheSumOfTheSubsetsBitsModTwo() {
        checkLabels(new Parity(N), (d, i) -> parity(d, i, ((BooleanFunctions.Parity) d.f()).subset()));
        checkLabels(new SparseParity(N, 2, 0), (d, i) -> {
            int[] s = ((BooleanFunctions.Parity) d.f()).subset();
            assertThat(s).hasSize(2).doesNotHaveDuplicates();
            return parity(d, i, s);
        });
    }

    private static double parity(Drawn d, int i, int[] subset) {
        double bits = 0;
        for (int j : subset) {
            bits += (d.x(i, j) + 1) / 2;
        }
        return (bits % 2) * 2 - 1;
    }

    @Test
    void literalProbabilitiesAreTheReferences() {
        double[] conj = literalFrequencies((rng) -> ((BooleanFunctions.Dnf) BooleanFunctions.conjunction(rng, N, N)).terms()[0]);
        assertThat(conj[0]).isCloseTo(0.7, sampling(0.7, DRAWS * N));
        assertThat(conj[1]).isCloseTo(0.15, sampling(0.15, DRAWS * N));
        assertThat(conj[2]).isCloseTo(0.15, sampling(0.15, DRAWS * N));
        double[] teach = literalFrequencies((rng) -> ((BooleanFunctions.Dnf) BooleanFunctions.teachConjunction(rng, N, N)).terms()[0]);
        assertThat(teach[1]).isCloseTo(0.3, sampling(0.3, DRAWS * N));
        assertThat(teach[2]).isZero();
        double[] majority = literalFrequencies((rng) -> ((BooleanFunctions.Threshold) BooleanFunctions.majority(rng, N, N)).w());
        assertThat(majority[1]).isCloseTo(0.3, sampling(0.3, DRAWS * N));
        double[] dnf = literalFrequencies((rng) -> ((BooleanFunctions.Dnf) BooleanFunctions.dnf(rng, N, N, 3)).terms()[1]);
        assertThat(dnf[1]).isCloseTo(0.1, sampling(0.1, DRAWS * N));
        assertThat(dnf[2]).isCloseTo(0.1, sampling(0.1, DRAWS * N));
        double[] parity = literalFrequencies((rng) -> indicator(((BooleanFunctions.Parity) BooleanFunctions.parity(rng, N, N)).subset()));
        assertThat(parity[1]).isCloseTo(0.5, sampling(0.5, DRAWS * N));

        int[] weights = new int[7];
        int[] thetas = new int[6];
        SplittableRandom rng = new SplittableRandom(5);
        for (int s = 0; s < DRAWS; s++) {
            for (int w : ((BooleanFunctions.Threshold) BooleanFunctions.integerHalfspace(rng, N, N)).w()) {
                weights[w + 3]++;
            }
            double theta = ((BooleanFunctions.Threshold) BooleanFunctions.sparseThreshold(rng, N, N)).theta();
            assertThat(theta - Math.floor(theta)).isEqualTo(0.5);
            thetas[(int) Math.floor(theta) + 3]++;
        }
        for (int c : weights) {
            assertThat(c / (double) (DRAWS * N)).isCloseTo(1 / 7.0, sampling(1 / 7.0, DRAWS * N));
        }
        for (int c : thetas) {
            assertThat(c / (double) DRAWS).isCloseTo(1 / 6.0, sampling(1 / 6.0, DRAWS));
        }
    }

    private static int[] indicator(int[] subset) {
        int[] w = new int[N];
        for (int j : subset) {
            w[j] = 1;
        }
        return w;
    }

    /** Frequencies of 0, +1, −1 among the coordinates of {@code DRAWS} literal vectors. */
    private static double[] literalFrequencies(java.util.function.Function<SplittableRandom, int[]> draw) {
        SplittableRandom rng = new SplittableRandom(3);
        double[] f = new double[3];
        for (int s = 0; s < DRAWS; s++) {
            for (int w : draw.apply(rng)) {
                f[w == 0 ? 0 : w == 1 ? 1 : 2] += 1.0 / (DRAWS * N);
            }
        }
        return f;
    }

    @Test
    void forcingSetsItsLiteralsOnItsFractionOfPoints() {
        float[] xs = new float[DRAWS * 3];
        new BooleanFunctions.Forcing(0.3, new int[] {1, 0, -1}).apply(new SplittableRandom(9), xs, 0, DRAWS, 3);
        int forced = 0;
        for (int i = 0; i < DRAWS; i++) {
            assertThat(xs[i * 3 + 1]).isZero();
            if (xs[i * 3] != 0) {
                assertThat(xs[i * 3]).isEqualTo(1f);
                assertThat(xs[i * 3 + 2]).isEqualTo(-1f);
                forced++;
            }
        }
        assertThat(forced / (double) DRAWS).isCloseTo(0.3, sampling(0.3, DRAWS));
    }

    @Test
    void aTeachingSequenceOpensEveryPromptAndTheRestIsFortyPercentForcedPositive() {
        int positives = 0;
        int rest = 0;
        for (int s = 0; s < DRAWS / POINTS; s++) {
            Drawn d = draw(new TeachConjunction(N), 50 + s);
            int[] w = ((BooleanFunctions.Dnf) d.f()).terms()[0];
            int[] literals = java.util.stream.IntStream.range(0, N).filter(j -> w[j] != 0).toArray();
            for (int j = 0; j < N; j++) {
                assertThat(d.x(0, j)).isEqualTo(w[j] == 1 ? 1.0 : -1.0);
            }
            assertThat(d.y(0)).isEqualTo(1.0);
            for (int r = 1; r <= literals.length && r < POINTS; r++) {
                for (int j = 0; j < N; j++) {
                    assertThat(d.x(r, j)).isEqualTo(j == literals[r - 1] ? -1.0 : d.x(0, j));
                }
                assertThat(d.y(r)).isEqualTo(-1.0);
            }
            for (int i = literals.length + 1; i < POINTS; i++) {
                assertThat(d.y(i)).isEqualTo(sign(dot(d, i, w) - (l1(w) - 1)));
                positives += d.y(i) > 0 ? 1 : 0;
                rest++;
            }
        }
        double expected = 0.4 + 0.6 * Math.pow(0.85, N);
        assertThat(positives / (double) rest).isCloseTo(expected, sampling(expected, rest));
    }

    @Test
    void nearestNeighbourLabelsCopyTheMostCosineSimilarEarlierInput() {
        int start = 5;
        int random = 0;
        int positive = 0;
        for (int s = 0; s < DRAWS / POINTS; s++) {
            Drawn d = draw(new NearestNeighborTask(4, start, 0), 70 + s); // few dimensions: repeated inputs are common
            for (int i = 1; i < POINTS; i++) {
                int best = 0;
                double bestSimilarity = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < i; j++) {
                    double cosine = cosine(d, i, j, 4);
                    if (cosine > bestSimilarity) {
                        bestSimilarity = cosine;
                        best = j;
                    }
                }
                if (i >= start || bestSimilarity > 0.9999) {
                    assertThat(d.y(i)).as("label %d of prompt %d", i, s).isEqualTo(d.y(best));
                } else {
                    random++;
                    positive += d.y(i) > 0 ? 1 : 0;
                }
            }
        }
        assertThat(positive / (double) random).isCloseTo(0.5, sampling(0.5, random));
    }

    private static double cosine(Drawn d, int i, int j, int dims) {
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int c = 0; c < dims; c++) {
            dot += d.x(i, c) * d.x(j, c);
            a += d.x(i, c) * d.x(i, c);
            b += d.x(j, c) * d.x(j, c);
        }
        return dot / Math.sqrt(a * b);
    }

    @Test
    void labelNoiseFlipsItsFractionOfLabelsAndLeavesTheInputs() {
        int flipped = 0;
        for (int s = 0; s < DRAWS / POINTS; s++) {
            PromptBatch clean = new PromptSampler(new Majority(N), new Hypercube()).sample(s, 1, POINTS, N);
            PromptBatch noisy = new PromptSampler(new Majority(N, 0.2), new Hypercube()).sample(s, 1, POINTS, N);
            assertThat(noisy.xs()).isEqualTo(clean.xs());
            for (int i = 0; i < POINTS; i++) {
                assertThat(Math.abs(noisy.y(0, i))).isEqualTo(1f);
                flipped += noisy.y(0, i) != clean.y(0, i) ? 1 : 0;
            }
        }
        assertThat(flipped / (double) DRAWS).isCloseTo(0.2, sampling(0.2, DRAWS));
    }

    @Test
    void hypercubeInputsAreUniformSignsAndZeroPastTheActiveCoordinates() {
        PromptBatch b = new PromptSampler(new Parity(6), new Hypercube()).sample(4, 50, 40, 4);
        double sum = 0;
        for (int p = 0; p < 50; p++) {
            for (int i = 0; i < 40; i++) {
                for (int j = 0; j < 6; j++) {
                    if (j < 4) {
                        assertThat(Math.abs(b.x(p, i, j))).isEqualTo(1f);
                        sum += b.x(p, i, j);
                    } else {
                        assertThat(b.x(p, i, j)).isZero();
                    }
                }
            }
        }
        assertThat(sum / (50 * 40 * 4)).isCloseTo(0, within(0.05));
        // under a curriculum, literals and subsets live on the active coordinates only
        SplittableRandom rng = new SplittableRandom(2);
        for (int s = 0; s < 200; s++) {
            int[] w = ((BooleanFunctions.Dnf) BooleanFunctions.conjunction(rng, 6, 3)).terms()[0];
            assertThat(w[3]).isZero();
            assertThat(w[4]).isZero();
            assertThat(w[5]).isZero();
            assertThat(((BooleanFunctions.Parity) BooleanFunctions.sparseParity(rng, 6, 3, 2)).subset()).containsAnyOf(0, 1, 2).doesNotContain(3, 4, 5);
        }
    }

    @Test
    void aPoolOfBooleanFunctionsKeepsEachMembersLabelsAndForcing() {
        Conjunction task = new Conjunction(N);
        PromptSampler sampler = new PromptSampler(task, new Hypercube());
        TrainingPool pool = new TrainingPool(org.iclab.spec.Pool.tasks(4), 6, sampler);
        PromptBatch b = sampler.sample(8, 200, POINTS, N, pool);
        int positives = 0;
        for (int p = 0; p < b.batch(); p++) {
            boolean someMember = false;
            for (int m = 0; m < 4 && !someMember; m++) {
                boolean all = true;
                for (int i = 0; i < POINTS; i++) {
                    all &= pool.member(m).apply(b.xs(), (p * POINTS + i) * N) == b.y(p, i);
                }
                someMember = all;
            }
            assertThat(someMember).as("prompt %d is labelled by a pool member", p).isTrue();
            for (int i = 0; i < POINTS; i++) {
                positives += b.y(p, i) > 0 ? 1 : 0;
            }
        }
        assertThat(positives / (double) (200 * POINTS)).isGreaterThan(0.25); // at least the forced 30%, less sampling noise
    }

    @Test
    void everyBooleanTaskDefaultsToHypercubeInputsAndTheLogisticObjective() {
        for (BooleanTask t : new BooleanTask[] {new Conjunction(N), new Parity(N), new NearestNeighborTask(N)}) {
            assertThat(t.defaultInputs()).isEqualTo(new Hypercube());
            assertThat(t.classification()).isTrue();
        }
    }
}
