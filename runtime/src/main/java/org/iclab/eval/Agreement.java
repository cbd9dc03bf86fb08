package org.iclab.eval;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.iclab.baseline.Learner;
import org.iclab.spec.EvalPlan;
import org.iclab.task.PromptBatch;

/**
 * Akyürek et al.'s (2023) agreement metrics between the model and a learner on the same prompts, per k:
 * <ul>
 * <li>{@code spd}, the squared prediction difference: the mean over prompts of (ŷ_model − ŷ_learner)² at the query
 * after k examples;</li>
 * <li>{@code ilwd}, the implicit linear weight difference: the mean over prompts of ||ŵ_model − ŵ_learner||², where a
 * learner's implicit weights after k examples are the least-squares fit (no intercept) of its predictions at Q probe
 * queries x_1..x_Q ~ N(0, I), each put after the same k examples: ŵ = (XᵀX)⁻¹Xᵀŷ over the Q probes. For a linear
 * learner (least squares, ridge, a gradient step) that is its weight vector exactly.</li>
 * </ul>
 * Both are in the task's units, not divided by d. The probes are drawn once from the evaluation's seed, the same for
 * every prompt, k and learner.
 */
final class Agreement {
    private final PromptBatch batch;
    private final int queries;
    private final float[] probes; // queries × d
    private final DMatrixRMaj pseudoInverse; // d × queries
    private final double[][] modelPred; // [prompt][k]
    private final double[][][] modelWeights; // [prompt][k][d]

    private Agreement(PromptBatch batch, int queries, float[] probes, DMatrixRMaj pseudoInverse, double[][] modelPred, double[][][] modelWeights) {
        this.batch = batch;
        this.queries = queries;
        this.probes = probes;
        this.pseudoInverse = pseudoInverse;
        this.modelPred = modelPred;
        this.modelWeights = modelWeights;
    }

    /** The model's side: its predictions on {@code batch} ([prompt][k]) and its implicit weights from {@code queries} probes. */
    static Agreement of(PromptBatch batch, double[][] modelPred, Function<PromptBatch, float[]> model, int queries, long seed, int modelBatch) {
        int d = batch.dims();
        float[] probes = new float[queries * d];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < probes.length; i++) {
            probes[i] = (float) gaussian(rng);
        }
        DMatrixRMaj x = new DMatrixRMaj(queries, d);
        for (int i = 0; i < probes.length; i++) {
            x.data[i] = probes[i];
        }
        DMatrixRMaj pinv = new DMatrixRMaj(d, queries);
        CommonOps_DDRM.pinv(x, pinv);
        int count = batch.batch();
        int points = batch.points();
        double[][][] weights = new double[count][points][];
        Agreement a = new Agreement(batch, queries, probes, pinv, modelPred, weights);
        for (int k = 0; k < points; k++) {
            int perCall = Math.max(1, modelBatch * points / ((k + 1) * queries));
            for (int from = 0; from < count; from += perCall) {
                int to = Math.min(count, from + perCall);
                PromptBatch probed = a.probed(from, to, k);
                float[] pred = model.apply(probed);
                for (int p = from; p < to; p++) {
                    double[] y = new double[queries];
                    for (int j = 0; j < queries; j++) {
                        y[j] = pred[((p - from) * queries + j) * (k + 1) + k];
                    }
                    weights[p][k] = a.fit(y);
                }
            }
        }
        return a;
    }

    /** {@code spd} and {@code ilwd} per k of {@code learner}, whose predictions on the batch are {@code learnerPred}. */
    Map<String, double[]> with(double[][] learnerPred, Learner learner) {
        int count = batch.batch();
        int points = batch.points();
        double[][] perPrompt = IntStream.range(0, count).parallel().mapToObj(p -> {
            double[] row = new double[2 * points];
            for (int k = 0; k < points; k++) {
                double diff = modelPred[p][k] - learnerPred[p][k];
                row[k] = diff * diff;
                PromptBatch probed = probed(p, p + 1, k);
                double[] y = new double[queries];
                for (int j = 0; j < queries; j++) {
                    y[j] = learner.predictAt(probed, j, k);
                }
                double[] w = fit(y);
                double distance = 0;
                for (int i = 0; i < w.length; i++) {
                    double e = modelWeights[p][k][i] - w[i];
                    distance += e * e;
                }
                row[points + k] = distance;
            }
            return row;
        }).toArray(double[][]::new);
        double[] spd = new double[points];
        double[] ilwd = new double[points];
        for (double[] row : perPrompt) {
            for (int k = 0; k < points; k++) {
                spd[k] += row[k] / count;
                ilwd[k] += row[points + k] / count;
            }
        }
        return Map.of(EvalPlan.AGREEMENT_COLUMNS.get(0), spd, EvalPlan.AGREEMENT_COLUMNS.get(1), ilwd);
    }

    /**
     * Prompts {@code from} .. {@code to − 1} of the batch, each repeated for every probe: its first k examples, then
     * the probe as the query at position k (whose y, 0, nothing before it reads).
     */
    private PromptBatch probed(int from, int to, int k) {
        int d = batch.dims();
        int rows = (to - from) * queries;
        float[] xs = new float[rows * (k + 1) * d];
        float[] ys = new float[rows * (k + 1)];
        for (int p = from; p < to; p++) {
            for (int j = 0; j < queries; j++) {
                int row = (p - from) * queries + j;
                System.arraycopy(batch.xs(), p * batch.points() * d, xs, row * (k + 1) * d, k * d);
                System.arraycopy(batch.ys(), p * batch.points(), ys, row * (k + 1), k);
                System.arraycopy(probes, j * d, xs, (row * (k + 1) + k) * d, d);
            }
        }
        return new PromptBatch(rows, k + 1, d, xs, ys);
    }

    /** The least-squares weights (no intercept) of predictions {@code y} at the probes. */
    private double[] fit(double[] y) {
        int d = pseudoInverse.numRows;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j < queries; j++) {
                s += pseudoInverse.get(i, j) * y[j];
            }
            w[i] = s;
        }
        return w;
    }

    /** A standard normal draw (Box–Muller). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
