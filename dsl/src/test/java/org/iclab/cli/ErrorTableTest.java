package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.iclab.Iclab;
import org.junit.jupiter.api.Test;

class ErrorTableTest {
    @Test
    void theHeaderSaysHowTheTaskNormalisesItsError() {
        assertThat(ErrorTable.title(Iclab.linearRegression(5))).isEqualTo("error/dims");
        assertThat(ErrorTable.title(Iclab.sparseLinearRegression(8, 3))).isEqualTo("error/sparsity");
        assertThat(ErrorTable.title(Iclab.decisionTree(5))).isEqualTo("error");
        assertThat(ErrorTable.title(Iclab.linearClassification(5))).isEqualTo("class. error");
    }

    @Test
    void hugeNumbersKeepTheirColumn() {
        assertThat(ErrorTable.number(0.5)).isEqualTo("    0.5000");
        assertThat(ErrorTable.number(920656.2422)).isEqualTo("  9.21e+05");
    }

    @Test
    void aTokenTaskShowsItsScoredPositionsWithCrossEntropyBeside() {
        double nan = Double.NaN;
        var curve = new org.iclab.eval.ErrorCurve("standard", "model", new double[] {nan, nan, 0.6, 0.5, 0.4, nan},
                new double[6], new double[6], java.util.Map.of("cross_entropy", new double[] {nan, nan, 1.2, 1.1, 1.0, nan}));
        assertThat(ErrorTable.scored(ErrorTable.ks(6, 1), curve)).containsExactly(2, 3, 4);
        var every = new org.iclab.eval.ErrorCurve("standard", "model", new double[] {1, 0.5, 0.2}, new double[3], new double[3]);
        assertThat(ErrorTable.scored(ErrorTable.ks(3, 5), every)).isEqualTo(ErrorTable.ks(3, 5));
        assertThat(ErrorTable.title(Iclab.markovChain(4))).isEqualTo("cross-entropy");
    }
}
