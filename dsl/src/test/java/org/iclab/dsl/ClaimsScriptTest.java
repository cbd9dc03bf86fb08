package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iclab.claim.Claim;
import org.iclab.claim.RunFiles;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script's claims block: what its claims may read, checked at the claim's line, and what they read from run files. */
class ClaimsScriptTest {
    static final String BASE = """
            experiment('lr') {
                task linearRegression(dims: 3); prompt interleaved(points: 5); model gpt2('tiny')
                train { steps 300 }
                evaluate { baselines leastSquares(), averaging() }
            }
            """;

    @TempDir
    Path tmp;

    static String error(String claims) {
        ScriptException e = catchThrowableOfType(() -> ExperimentScripts.load(BASE + claims, "c.groovy"), ScriptException.class);
        assertThat(e).as("the claims must be refused").isNotNull();
        return e.getMessage();
    }

    @Test
    void whatAClaimReadsIsCheckedWhenTheScriptIsLoadedAtTheLineThatReadsIt() {
        assertThat(error("claims {\n  claim('a', atMost: 1) {\n    error('lr', strategy: 'scaledX(2)', k: 1)\n  }\n}"))
                .isEqualTo("c.groovy:8: claim 'a' reads strategy 'scaledX(2)' of lr, which it does not evaluate (strategies: standard)");
        assertThat(error("claims {\n  claim('a') {\n    error('lr', k: 1..9).every { it < 1 }\n  }\n}"))
                .isEqualTo("c.groovy:8: claim 'a' reads k = 5 of lr, which evaluates k = 0..4");
        assertThat(error("claims {\n  claim('a', atLeast: 1) {\n    metric('lr', 'loss', step: 400)\n  }\n}"))
                .isEqualTo("c.groovy:8: claim 'a' reads lr at step 400, which trains for 300 steps");
        assertThat(error("claims {\n  claim('a', atLeast: 1) {\n    error('lr', kk: 1)\n  }\n}"))
                .isEqualTo("c.groovy:8: claim 'a' unknown setting 'kk' in error; did you mean 'k'? (known: k, learner, strategy, at)");
        assertThat(error("claims {\n  claim('a', atLeast: 1, within: [0, 1]) { 1 }\n}"))
                .isEqualTo("c.groovy:7: claim: within: takes the place of atLeast: and atMost:, not beside them");
        assertThat(error("claims {\n  claim('a', atLeast: 1) { error('lr') }\n  claim('a', atLeast: 1) { error('lr') }\n}"))
                .isEqualTo("c.groovy:8: claim 'a' is declared twice");
        assertThat(error("claims {\n  claim('a', within: 0.5) { error('lr') }\n}"))
                .isEqualTo("c.groovy:7: claim: within: must be two numbers, low then high, as within: [0.45, 0.55], was 0.5");
        assertThat(error("claims {\n  claim('a', atLeast: 1) {\n    eror('lr')\n  }\n}")).startsWith("c.groovy:8:").contains("eror");
        assertThat(error("claims {\n  claim('a', atLeast: 0) {\n    true\n  }\n}"))
                .isEqualTo("c.groovy:7: claim 'a' gives true or false, so it takes no bound (≥ 0): drop atLeast, atMost or within");
        assertThat(error("claims {\n  claim('a') {\n    along('lr', 'train.pool.tasks')\n  }\n}"))
                .isEqualTo("c.groovy:8: claim 'a' reads the axis train.pool.tasks of lr, which is no sweep");
        // a token task's k counts its units: here strings, at most 3 a prompt
        ScriptException strings = catchThrowableOfType(() -> ExperimentScripts.load("""
                experiment('lang') {
                    task regularLanguage(states: 4..5, alphabet: 4..5, edges: 1..2, strings: 2..3, stringLength: 1..3)
                    model gpt2('tiny')
                }
                claims { claim('x', atMost: 1) { error('lang', k: 3) } }
                """, "c.groovy"), ScriptException.class);
        assertThat(strings.getMessage()).isEqualTo("c.groovy:5: claim 'x' reads k = 3 of lang, which evaluates k = 0..2");
        // figures are checked the same way
        assertThat(error("figures {\n  curve('lr', learners: ['model', 'ridge(1)'])\n}"))
                .isEqualTo("c.groovy:7: figure curve reads learner 'ridge(1)' of lr, which it does not evaluate (learners: model, leastSquares, averaging)");
        assertThat(error("figures {\n  curve('lr')\n}")).isEqualTo("c.groovy:7: curve: learners: must be a list of learner names, as learners: ['model', 'leastSquares'], was null");
        assertThat(error("figures {\n  along('lr', 'train.pool.tasks', learners: ['model'])\n}"))
                .isEqualTo("c.groovy:7: figure along reads the axis train.pool.tasks of lr, which is no sweep");
    }

    @Test
    void aScriptsClaimsReadItsRunFiles() throws Exception {
        ExperimentScripts.Declarations d = ExperimentScripts.load(BASE + """
                sweep { axis 'train.pool.tasks', [2, 8] }
                claims {
                    scale 'hand-written runs'
                    claim('the error falls from k = 0 to k = 4', paper: 'Fig. 1', atLeast: 0.5) {
                        mean(error('lr', k: 0..1, at: ['train.pool.tasks': 8])) - error('lr', k: 4, at: ['train.pool.tasks': 8])
                    }
                    claim('more tasks, lower error') {
                        def e = along('lr', 'train.pool.tasks', k: 4)
                        e['8'] < e['2']
                    }
                    claim('averaging is worse at every k') {
                        (0..4).every { k -> error('lr', learner: 'averaging', k: k, at: ['train.pool.tasks': 2]) > error('lr', k: k, at: ['train.pool.tasks': 2]) }
                    }
                }
                """, "c.groovy");
        assertThat(d.scale()).containsExactly("hand-written runs");
        assertThat(d.claims()).extracting(Claim::name).containsExactly("the error falls from k = 0 to k = 4", "more tasks, lower error",
                "averaging is worse at every k");
        assertThat(d.claims().get(0).location()).isEqualTo("c.groovy:9");
        Experiment lr = d.experiments().get(0).experiment();
        RunFiles r = new RunFiles(Map.of("lr", lr), Map.of("lr", Map.of("train.pool.tasks", List.of("2", "8"))),
                Map.of("lr", Map.of(Map.of("train.pool.tasks", "2"), run(lr, "two", 0.3), Map.of("train.pool.tasks", "8"), run(lr, "eight", 0.0))));
        // k = 0, 1, 4 at 8 tasks: 1, 0.5, 0.2
        assertThat(d.claims().get(0).read(r)).isEqualTo(new Claim.Reading((1 + 0.5) / 2 - 0.2, true, null));
        assertThat(d.claims().get(1).read(r)).isEqualTo(new Claim.Reading(null, true, null));
        assertThat(d.claims().get(2).read(r)).isEqualTo(new Claim.Reading(null, true, null));
    }

    /** A finished run's eval.csv: the model's error 1 / (k + 1) + offset; averaging's 2. */
    Path run(Experiment e, String name, double offset) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Json.writeFile(dir.resolve("spec.json"), e);
        List<String> rows = new java.util.ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double model = 1.0 / (k + 1) + offset;
            rows.add("{\"strategy\": \"standard\", \"learner\": \"model\", \"k\": " + k + ", \"error\": " + model + "}");
            rows.add("{\"strategy\": \"standard\", \"learner\": \"averaging\", \"k\": " + k + ", \"error\": 2}");
        }
        Files.writeString(dir.resolve("eval.json"), "[" + String.join(",\n", rows) + "]");
        return dir;
    }
}
