package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.iclab.BurstyRunTest;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.AttentionClassifier;
import org.iclab.task.TokenBatch;
import org.iclab.task.TokenSampler;
import org.junit.jupiter.api.Test;

/** Reddy's attention-only network against its forward pass written out here in Java from the model's own parameters. */
class AttentionClassifierTest {
    private static Experiment experiment(AttentionClassifier model) {
        return Iclab.experiment("reddy").seed(3).task(BurstyRunTest.TASK).prompt(Iclab.tokens(0, "none")).model(model)
                .train(t -> t.steps(3).batch(4).optimizer(new org.iclab.spec.optimizer.Sgd(0.01))).build();
    }

    /** Logits [T, V] of sequence s, computed in double from the parameters. */
    private static double[][] forward(Map<String, float[]> p, AttentionClassifier spec, TokenBatch b, int s) {
        int t = b.length();
        int w = b.width();
        int kw = spec.keyWidth() == 0 ? w : spec.keyWidth();
        double[][] x = new double[t][w];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < w; j++) {
                x[i][j] = b.vectors()[(s * t + i) * w + j];
            }
        }
        for (int l = 0; l < spec.layers(); l++) {
            double[][] next = new double[t][];
            for (int i = 0; i < t; i++) {
                next[i] = x[i].clone();
            }
            for (int h = 0; h < spec.heads(); h++) {
                double[][] q = project(x, p.get("attn" + l + "/q"), w, spec.heads() * kw, h * kw, kw);
                double[][] k = project(x, p.get("attn" + l + "/k"), w, spec.heads() * kw, h * kw, kw);
                double[][] v = project(x, p.get("attn" + l + "/v"), w, spec.heads() * w, h * w, w);
                for (int i = 0; i < t; i++) {
                    double[] score = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        for (int c = 0; c < kw; c++) {
                            score[j] += q[i][c] * k[j][c];
                        }
                        score[j] *= spec.scaled() ? 1 / Math.sqrt(kw) : 1;
                        max = Math.max(max, score[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        score[j] = Math.exp(score[j] - max);
                        sum += score[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int c = 0; c < w; c++) {
                            next[i][c] += score[j] / sum * v[j][c];
                        }
                    }
                }
            }
            x = next;
        }
        for (int m = 0; m < spec.headLayers(); m++) {
            double[][] y = project(x, p.get("classifier" + m + "/w"), w, w, 0, w);
            double bias = p.get("classifier" + m + "/b")[0];
            for (double[] row : y) {
                for (int c = 0; c < w; c++) {
                    row[c] = Math.max(0, row[c] + bias);
                }
            }
            x = y;
        }
        return project(x, p.get("read_out/w"), w, b.vocabulary(), 0, b.vocabulary());
    }

    /** Columns {@code from} .. {@code from + count − 1} of x W for W [in, out] row-major. */
    private static double[][] project(double[][] x, float[] weights, int in, int out, int from, int count) {
        double[][] y = new double[x.length][count];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < count; c++) {
                double s = 0;
                for (int j = 0; j < in; j++) {
                    s += x[i][j] * weights[j * out + from + c];
                }
                y[i][c] = s;
            }
        }
        return y;
    }

    @Test
    void itsLogitsAreTheNetworkWrittenOut() {
        TokenBatch batch = new TokenSampler(BurstyRunTest.TASK).sample(5, 3, BurstyRunTest.TASK.length());
        for (AttentionClassifier spec : new AttentionClassifier[] {new AttentionClassifier(BurstyRunTest.TASK.length()),
                new AttentionClassifier(1, 2, 4, 1, true, 5, BurstyRunTest.TASK.length())}) {
            try (CompiledModel m = CompiledModel.compile(experiment(spec), 1)) {
                m.initialize(3);
                Map<String, float[]> p = m.parameterValues();
                float[] logits = m.logits(batch);
                int t = batch.length();
                int v = batch.vocabulary();
                double largest = 0;
                for (int s = 0; s < batch.batch(); s++) {
                    double[][] expected = forward(p, spec, batch, s);
                    for (int i = 0; i < t; i++) {
                        for (int c = 0; c < v; c++) {
                            largest = Math.max(largest, Math.abs(expected[i][c]));
                            assertThat((double) logits[(s * t + i) * v + c]).as("%s: sequence %d, token %d, label %d", spec.summary(), s, i, c)
                                    .isCloseTo(expected[i][c], within(1e-4 * (1 + Math.abs(expected[i][c]))));
                        }
                    }
                }
                assertThat(largest).as("logits far from 0").isGreaterThan(0.1);
                // it trains: an SGD step moves every parameter group
                Map<String, float[]> before = m.parameterValues();
                m.trainStep(batch, 1);
                for (String name : before.keySet()) {
                    assertThat(m.parameterValues().get(name)).as(name).isNotEqualTo(before.get(name));
                }
            }
        }
    }
}
