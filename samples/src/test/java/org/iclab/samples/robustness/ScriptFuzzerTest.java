package org.iclab.samples.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's share of fuzzing: 200 seeded cases over every script of scripts/ must give no finding. */
class ScriptFuzzerTest {
    @Test
    void twoHundredMutatedScriptsAndOverridesEndInExitZeroOrACleanExitTwo(@TempDir Path work) throws Exception {
        ScriptFuzzer.Summary summary = new ScriptFuzzer(Path.of("..", "scripts"), work, 1).run(200);
        System.out.println(summary);
        assertThat(summary.findings()).as(summary.findings().toString()).isEmpty();
        assertThat(summary.cases()).isEqualTo(200);
        // the mutations reach both outcomes
        assertThat(summary.valid()).isPositive();
        assertThat(summary.cleanErrors()).isGreaterThan(50);
    }
}
