package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.iclab.spec.task.MarkovChain;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.Test;

/** Markov-chain prompts: the Dirichlet rows, a fresh table per sequence, next-token targets. */
class MarkovChainTest {
    @Test
    void gammaDrawsHaveTheirMeanAndVariance() {
        for (double alpha : new double[] {0.3, 1.0, 2.5}) {
            SplittableRandom rng = new SplittableRandom(7);
            int n = 200_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double g = MarkovChainClass.gamma(rng, alpha);
                assertThat(g).isPositive();
                sum += g;
                squares += g * g;
            }
            double mean = sum / n;
            assertThat(mean).as("mean of Gamma(%s)", alpha).isCloseTo(alpha, within(0.02 * alpha + 0.01));
            assertThat(squares / n - mean * mean).as("variance of Gamma(%s)", alpha).isCloseTo(alpha, within(0.05 * alpha + 0.01));
        }
    }

    @Test
    void targetsAreTheNextTokensAndEveryPositionButTheLastIsScored() {
        MarkovChain task = new MarkovChain(5, 2, 1.0, 20);
        TokenBatch b = new TokenSampler(task).sample(3, 4, 20);
        assertThat(b.vocabulary()).isEqualTo(5);
        for (int s = 0; s < 4; s++) {
            for (int t = 0; t < 19; t++) {
                assertThat(b.target(s, t)).isEqualTo(b.id(s, t + 1));
                assertThat(b.mask(s, t)).isEqualTo(1f);
            }
            assertThat(b.mask(s, 19)).isZero();
        }
        assertThat(new TokenSampler(task).sample(3, 4, 20).ids()).isEqualTo(b.ids());
        assertThat(new TokenSampler(task).sample(4, 4, 20).ids()).isNotEqualTo(b.ids());
    }

    @Test
    void aLargeConcentrationGivesNearlyUniformRowsAndASmallOneNearlyDeterministicOnes() {
        // α = 1000: every row is close to uniform, so each successor of each state has frequency ~ 1/3
        TokenBatch flat = new TokenSampler(new MarkovChain(3, 1, 1000, 400)).sample(1, 50, 400);
        double[][] counts = transitions(flat, 3);
        for (double[] row : counts) {
            double total = row[0] + row[1] + row[2];
            for (double c : row) {
                assertThat(c / total).isCloseTo(1 / 3.0, within(0.03));
            }
        }
        // α = 0.01: within one sequence, a state is almost always followed by the same successor
        TokenBatch peaked = new TokenSampler(new MarkovChain(3, 1, 0.01, 400)).sample(1, 50, 400);
        double agree = 0;
        double all = 0;
        for (int s = 0; s < 50; s++) {
            double[][] c = transitions(peaked.slice(s, s + 1), 3);
            for (double[] row : c) {
                agree += Math.max(row[0], Math.max(row[1], row[2]));
                all += row[0] + row[1] + row[2];
            }
        }
        assertThat(agree / all).isGreaterThan(0.95);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new MarkovChain(1, 1, 1, 10)).isInstanceOf(SpecException.class).hasMessageContaining("states must be >= 2");
        assertThatThrownBy(() -> new MarkovChain(3, 2, 1, 2)).hasMessageContaining("length must be > order, was 2 <= 2");
    }

    private static double[][] transitions(TokenBatch b, int states) {
        double[][] counts = new double[states][states];
        for (int s = 0; s < b.batch(); s++) {
            for (int t = 0; t + 1 < b.length(); t++) {
                counts[b.id(s, t)][b.id(s, t + 1)]++;
            }
        }
        return counts;
    }
}
