package org.iclab.eval;

import java.util.List;
import org.iclab.spec.score.Score;
import org.iclab.spec.task.TokenTask;
import org.iclab.task.TokenBatch;
import org.iclab.task.TokenClass;

/**
 * A task's scoring units ({@link TokenTask#unit()}, e.g. strings): each unit's score in a sequence is the mean over
 * its scored positions (as the score takes it: {@link Score#unit}), and a unit counts (weight 1) where it has one.
 */
final class ScoringUnits {
    final int[][] unitOf;
    final double[][] positionWeights;
    final double[][] weights;
    final int count;
    /** The scores read position by position, in the order of the values' first index. */
    private final List<Score> read;

    ScoringUnits(TokenBatch prompts, TokenTask task, double[][] positionWeights, List<Score> read) {
        this.read = read;
        TokenClass<TokenTask> sequences = TokenClass.of(task);
        this.positionWeights = positionWeights;
        unitOf = new int[prompts.batch()][];
        int max = 0;
        for (int p = 0; p < prompts.batch(); p++) {
            unitOf[p] = sequences.units(task, prompts, p);
            for (int t = 0; t < unitOf[p].length; t++) {
                if (positionWeights[p][t] > 0) {
                    max = Math.max(max, unitOf[p][t]);
                }
            }
        }
        count = max + 1;
        weights = new double[prompts.batch()][count];
        for (int p = 0; p < prompts.batch(); p++) {
            for (int t = 0; t < unitOf[p].length; t++) {
                if (positionWeights[p][t] > 0) {
                    weights[p][unitOf[p][t]] = 1;
                }
            }
        }
    }

    double[][][] of(double[][][] from) {
        double[][][] to = new double[from.length][unitOf.length][count];
        for (int p = 0; p < unitOf.length; p++) {
            double[] total = new double[count];
            for (int t = 0; t < unitOf[p].length; t++) {
                double w = positionWeights[p][t];
                if (w > 0) {
                    total[unitOf[p][t]] += w;
                    for (int m = 0; m < from.length; m++) {
                        to[m][p][unitOf[p][t]] += w * from[m][p][t];
                    }
                }
            }
            for (int k = 0; k < count; k++) {
                for (int m = 0; m < from.length; m++) {
                    to[m][p][k] = read.get(m).unit(total[k] > 0 ? to[m][p][k] / total[k] : 0);
                }
            }
        }
        return to;
    }
}
