package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.GreedyTree;
import org.junit.jupiter.api.Test;

/** Garg et al.'s further baselines as DSL words: positional and named forms, defaults and errors. */
class BaselineWordsTest {
    private static final String HEAD = "experiment('x') {\n  task linearRegression(dims: 5); prompt interleaved(points: 11); model gpt2('tiny')\n";

    private static List<Baseline> baselines(String words) {
        return ExperimentScripts.evaluate(HEAD + "  evaluate { baselines " + words + " }\n}", "b.groovy").get(0)
                .experiment().evaluate().baselines();
    }

    private static String error(String words) {
        ScriptException e = catchThrowableOfType(() -> baselines(words), ScriptException.class);
        assertThat(e).as("the script should fail").isNotNull();
        return e.getMessage();
    }

    @Test
    void namedArgumentFormsMakeTheSameRecordsAsTheJavaFactories() {
        assertThat(baselines("ridge(alpha: 0.1), lasso(alpha: 0.01), greedyTree(maxDepth: 3), greedyTree(maxDepth: 0), "
                + "gradientBoosting(rounds: 20, learningRate: 0.1), gradientDescentNet(hidden: 50, lr: 1e-2), zero()"))
                .containsExactly(Iclab.ridge(0.1), Iclab.lasso(0.01), Iclab.greedyTree(3), Iclab.greedyTree(GreedyTree.UNLIMITED),
                        Iclab.gradientBoosting(20, 6, 0.1), Iclab.gradientDescentNet(50, 100, 1e-2, 100), Iclab.zero());
    }

    @Test
    void positionalFormsAndDefaults() {
        assertThat(baselines("ridge(), ridge(0.5), lasso(1e-4), greedyTree(), gradientBoosting(), gradientDescentNet(), "
                + "gradientDescentNet(10, 5, 0.1, 8), gradientBoosting(3, 2, 0.5)"))
                .containsExactly(Iclab.ridge(1), Iclab.ridge(0.5), Iclab.lasso(1e-4), Iclab.greedyTree(4), Iclab.gradientBoosting(),
                        Iclab.gradientDescentNet(), Iclab.gradientDescentNet(10, 5, 0.1, 8), Iclab.gradientBoosting(3, 2, 0.5));
    }

    @Test
    void gargsSweepIsOneListOfDistinctNames() {
        List<Baseline> sweep = baselines("([1, 0.1, 0.01, 0.001, 0.0001].collect { lasso(alpha: it) } + [greedyTree(maxDepth: 4), greedyTree(maxDepth: 0)])");
        assertThat(sweep).extracting(Baseline::learnerName).containsExactly("lasso(1)", "lasso(0.1)", "lasso(0.01)", "lasso(0.001)",
                "lasso(0.0001)", "greedyTree(4)", "greedyTree(unlimited)");
    }

    @Test
    void mistakesAreNamed() {
        assertThat(error("lasso(alpha: 0)")).isEqualTo("b.groovy:3: evaluate.baselines.lasso: alpha must be a finite number > 0, was 0.0");
        assertThat(error("lasso(maxIter: 5)")).startsWith("b.groovy:3: unknown setting 'maxIter' in lasso (known: alpha)");
        assertThat(error("lasso([:])")).isEqualTo("b.groovy:3: lasso: alpha is required, was missing");
        assertThat(error("greedyTree(maxDepth: -2)"))
                .isEqualTo("b.groovy:3: evaluate.baselines.greedyTree: maxDepth must be >= 0 (0: unlimited), was -2");
        assertThat(error("gradientDescentNet(hiden: 50)")).startsWith("b.groovy:3: unknown setting 'hiden' in gradientDescentNet; did you mean 'hidden'?");
        assertThat(error("gradientBoosting(rounds: 2.5)")).isEqualTo("b.groovy:3: gradientBoosting: rounds must be a whole number, was 2.5");
        assertThat(error("ridge(0.1), ridge(alpha: 0.1)"))
                .isEqualTo("b.groovy:3: evaluate: baselines must not repeat a learner, was [ridge(0.1), ridge(0.1)]");
    }

    @Test
    void theReferenceListsEachWordWithItsForms() {
        Reference.Word lasso = Reference.vocabulary().stream().filter(w -> w.name().equals("lasso")).findFirst().orElseThrow();
        assertThat(lasso.kind()).isEqualTo("baselines");
        assertThat(lasso.forms()).containsExactlyInAnyOrder("lasso(alpha)", "lasso(alpha: ...)", "lasso { alpha }");
        assertThat(lasso.settings()).extracting(Reference.Entry::defaults).containsExactly("required");
        Reference.Word net = Reference.vocabulary().stream().filter(w -> w.name().equals("gradientDescentNet")).findFirst().orElseThrow();
        assertThat(net.settings()).extracting(Reference.Entry::name, Reference.Entry::defaults).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hidden", "100"), org.assertj.core.groups.Tuple.tuple("steps", "100"),
                org.assertj.core.groups.Tuple.tuple("lr", "0.005"), org.assertj.core.groups.Tuple.tuple("batch", "100"));
    }
}
