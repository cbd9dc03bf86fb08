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
}
