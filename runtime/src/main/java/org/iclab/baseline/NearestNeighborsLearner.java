package org.iclab.baseline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.iclab.task.PromptBatch;

/** Mean y of the k nearest earlier examples (Euclidean; ties go to the earlier example), uniform weights. */
final class NearestNeighborsLearner implements Learner {
    private final int k;

    NearestNeighborsLearner(int k) {
        this.k = k;
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int i) {
        if (i == 0) {
            return 0;
        }
        int d = batch.dims();
        double[] dist = new double[i];
        for (int j = 0; j < i; j++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double diff = batch.x(prompt, j, c) - batch.x(prompt, i, c);
                s += diff * diff;
            }
            dist[j] = s;
        }
        Integer[] order = IntStream.range(0, i).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(j -> dist[j])); // stable: earlier wins ties
        int m = Math.min(k, i);
        double sum = 0;
        for (int r = 0; r < m; r++) {
            sum += batch.y(prompt, order[r]);
        }
        return sum / m;
    }
}
