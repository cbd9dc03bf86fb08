package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.iclab.Iclab;
import org.iclab.spec.task.Task;
import org.junit.jupiter.api.Test;

/** The DSL words of Garg et al.'s function classes make what the Java factories make. */
class FunctionClassWordsTest {
    private static Task task(String word) {
        String script = "experiment('x') {\n  task " + word + "\n  prompt interleaved(points: 11)\n  model gpt2('tiny')\n}";
        return ExperimentScripts.evaluate(script, "t.groovy").get(0).experiment().task();
    }

    private static String error(String word) {
        String script = "experiment('x') {\n  task " + word + "\n  prompt interleaved(points: 11)\n  model gpt2('tiny')\n}";
        ScriptException e = catchThrowableOfType(() -> ExperimentScripts.evaluate(script, "t.groovy"), ScriptException.class);
        assertThat(e).as(word + " should fail").isNotNull();
        return e.getMessage();
    }

    @Test
    void namedArgumentFormsTakeEverySettingAndDefaultTheRest() {
        assertThat(task("sparseLinearRegression(dims: 20, sparsity: 4)")).isEqualTo(Iclab.sparseLinearRegression(20, 4));
        assertThat(task("sparseLinearRegression(dims: 20)")).isEqualTo(Iclab.sparseLinearRegression(20, 3, 1));
        assertThat(task("noisyLinearRegression(dims: 20, noise: 0.5, renormalize: true, scale: 2)"))
                .isEqualTo(Iclab.noisyLinearRegression(20, 0.5, true, 2));
        assertThat(task("noisyLinearRegression(dims: 20)")).isEqualTo(Iclab.noisyLinearRegression(20, 1.0, false, 1.0));
        assertThat(task("linearClassification(dims: 20)")).isEqualTo(Iclab.linearClassification(20));
        assertThat(task("quadraticRegression(dims: 20, scale: 0.5)")).isEqualTo(Iclab.quadraticRegression(20, 0.5));
        assertThat(task("reluNetwork(dims: 20, hidden: 50)")).isEqualTo(Iclab.reluNetwork(20, 50, 1.0));
        assertThat(task("decisionTree(dims: 20, depth: 6)")).isEqualTo(Iclab.decisionTree(20, 6));
    }

    @Test
    void positionalFormsMatchTheJavaFactories() {
        assertThat(task("sparseLinearRegression(20, 2, 1.5)")).isEqualTo(Iclab.sparseLinearRegression(20, 2, 1.5));
        assertThat(task("noisyLinearRegression(20, 0.1)")).isEqualTo(Iclab.noisyLinearRegression(20, 0.1));
        assertThat(task("linearClassification(7)")).isEqualTo(Iclab.linearClassification(7));
        assertThat(task("quadraticRegression(20)")).isEqualTo(Iclab.quadraticRegression(20));
        assertThat(task("reluNetwork(20, 10)")).isEqualTo(Iclab.reluNetwork(20, 10));
        assertThat(task("decisionTree(20)")).isEqualTo(Iclab.decisionTree(20, 4));
    }

    @Test
    void badValuesAreReportedWithTheLineTheSettingAndTheRule() {
        assertThat(error("sparseLinearRegression(dims: 5, sparsity: 6)")).isEqualTo("t.groovy:2: task: sparsity must be <= dims, was 6 > 5");
        assertThat(error("noisyLinearRegression(dims: 5, renormalize: 'yes')"))
                .isEqualTo("t.groovy:2: noisyLinearRegression: renormalize must be true or false, was 'yes'");
        assertThat(error("decisionTree(dims: 5, depht: 3)"))
                .isEqualTo("t.groovy:2: unknown setting 'depht' in decisionTree; did you mean 'depth'? (known: dims, depth)");
        assertThat(error("reluNetwork(hidden: 3)")).isEqualTo("t.groovy:2: reluNetwork: dims is required, was missing");
    }

    @Test
    void describeListsEachWordWithItsDefaults() {
        Reference.Word noisy = Reference.vocabulary().stream().filter(w -> w.name().equals("noisyLinearRegression")).findFirst().orElseThrow();
        assertThat(noisy.kind()).isEqualTo("task");
        assertThat(noisy.settings()).extracting(Reference.Entry::name, Reference.Entry::defaults).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dims", "required"), org.assertj.core.groups.Tuple.tuple("noise", "1.0"),
                org.assertj.core.groups.Tuple.tuple("renormalize", "false"), org.assertj.core.groups.Tuple.tuple("scale", "1.0"));
        assertThat(noisy.forms()).contains("noisyLinearRegression(dims, noise, renormalize, scale)");
    }
}
