package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.iclab.Iclab.adam;
import static org.iclab.Iclab.averaging;
import static org.iclab.Iclab.gaussian;
import static org.iclab.Iclab.gpt2;
import static org.iclab.Iclab.interleaved;
import static org.iclab.Iclab.leastSquares;
import static org.iclab.Iclab.linearRegression;
import static org.iclab.Iclab.nearestNeighbors;
import static org.iclab.Iclab.linearAttention;
import static org.iclab.Iclab.looped;
import static org.iclab.Iclab.lstm;
import static org.iclab.Iclab.stacked;
import static org.iclab.Iclab.uniform;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.strategy.ScaledX;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.Schedule;
import org.junit.jupiter.api.Test;

/** Scripts as inline text, compiled with the production configuration ({@link ExperimentScripts#configuration()}). */
class ExperimentScriptsTest {
    private static List<Experiment> run(String script) {
        return ExperimentScripts.evaluate(script, "lr.groovy").stream().map(DeclaredExperiment::experiment).toList();
    }

    /** The message a script fails with. */
    private static String error(String script) {
        ScriptException e = catchThrowableOfType(() -> ExperimentScripts.evaluate(script, "lr.groovy"), ScriptException.class);
        assertThat(e).as("the script should fail").isNotNull();
        return e.getMessage();
    }

    @Test
    void theIssuesExampleDeclaresTheSameExperimentAsTheJavaApi() {
        List<Experiment> declared = run("""
                experiment('lr-tiny') {
                    seed 7
                    task linearRegression(dims: 5)
                    inputs gaussian()
                    prompt interleaved(points: 11)
                    model gpt2('tiny')                       // or: gpt2 { layers 3; heads 2; embed 64 }
                    train {
                        steps 2000
                        batch 64
                        optimizer adam(lr: 1e-3)
                        curriculum { dims 5, 5; points 11, 11 }          // start, end [, by: n, every: steps]
                        checkpointEvery 500
                    }
                    evaluate {
                        prompts 1280
                        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
                    }
                }
                """);
        Experiment java = Experiment.builder("lr-tiny").seed(7).task(linearRegression(5)).inputs(gaussian())
                .prompt(interleaved(11)).model(gpt2("tiny"))
                .train(t -> t.steps(2000).batch(64).optimizer(adam(1e-3)).curriculum(c -> c.dims(5, 5).points(11, 11)).checkpointEvery(500))
                .evaluate(e -> e.prompts(1280).baselines(leastSquares(), nearestNeighbors(3), averaging()))
                .build();
        assertThat(declared).containsExactly(java);
    }

    @Test
    void namedArgumentsAndClosureFormsReachTheJavaBuilders() {
        Experiment e = run("""
                experiment('named') {
                    task linearRegression(dims: 20, scale: 2)
                    prompt interleaved(points: 41)
                    model gpt2 { layers 2; heads 4; embed 32; positions 50 }
                    train {
                        optimizer adam(lr: 3e-4, beta2: 0.99)
                        curriculum { dims 5, 20, by: 1, every: 2000; points 11, 41, every: 500 }
                        pool tasks: 16, prompts: 1000
                    }
                    evaluate { baselines([leastSquares()]); resamples 10; confidence 0.8 }
                }
                """).get(0);
        assertThat(e.task()).isEqualTo(linearRegression(20, 2.0));
        assertThat(e.model()).isEqualTo(new Gpt2(2, 4, 32, 50));
        assertThat(e.train().optimizer()).isEqualTo(adam(3e-4, 0.9, 0.99, 1e-8));
        assertThat(e.train().curriculum().dims()).isEqualTo(new Schedule(5, 20, 1, 2000));
        // 'by' left out keeps the two-number form's default for points: by 2
        assertThat(e.train().curriculum().points()).isEqualTo(new Schedule(11, 41, 2, 500));
        assertThat(e.train().pool()).isEqualTo(new org.iclab.spec.Pool(16, 1000));
        assertThat(e.evaluate().baselines()).containsExactly(leastSquares());
        assertThat(e.evaluate().bootstrap().resamples()).isEqualTo(10);
        assertThat(e.evaluate().bootstrap().confidence()).isEqualTo(0.8);
    }

    @Test
    void architecturesAndPromptFormatsTakeTheirJavaForms() {
        List<Experiment> e = run("""
                experiment('looped') {
                    task linearRegression(dims: 5)
                    inputs uniform(low: -0.5, high: 0.5)
                    prompt stacked(points: 11, positional: 'sinusoidal')
                    model looped(block: gpt2 { layers 1; heads 2; embed 32; mlp false }, loops: 12, window: 6)
                    train { lossAt 'last'; curriculum { loops 1, 12, every: 100 } }
                    evaluate { loops 6, 24 }
                }
                experiment('lsa') {
                    task linearRegression(dims: 5)
                    prompt interleaved(points: 11, disjoint: true, yLast: true)
                    model linearAttention(layers: 2, heads: 2, softmaxFirst: true)
                }
                experiment('lstm') {
                    task linearRegression(dims: 5)
                    prompt interleaved(points: 11)
                    model lstm(layers: 2, hidden: 64)
                }
                """);
        Experiment loopedRun = e.get(0);
        assertThat(loopedRun.inputs()).isEqualTo(uniform(-0.5, 0.5));
        assertThat(loopedRun.prompt()).isEqualTo(stacked(11, true, "sinusoidal"));
        assertThat(loopedRun.model()).isEqualTo(looped(new Gpt2(1, 2, 32, 101, true, false), 12, 6, "add"));
        assertThat(loopedRun.train().lossAt()).isEqualTo("last");
        assertThat(loopedRun.train().curriculum().loops()).isEqualTo(new Schedule(1, 12, 1, 100));
        assertThat(loopedRun.evaluate().loops()).containsExactly(6, 24);
        assertThat(e.get(1).prompt()).isEqualTo(interleaved(11, true, true, null));
        assertThat(e.get(1).model()).isEqualTo(linearAttention(2, 2, 0, true, 101));
        assertThat(e.get(2).model()).isEqualTo(lstm(2, 64));
        assertThat(e.get(2).train().curriculum().loops()).isNull(); // the model's own loop count
    }

    @Test
    void inputsAndStrategiesTakeTheirJavaForms() {
        List<Experiment> e = run("""
                experiment('all') {
                    task linearRegression(dims: 20); prompt interleaved(points: 41); model gpt2('tiny')
                    inputs gaussian(scale: 2, covariance: 'skewed')
                    evaluate { strategies all() }
                }
                experiment('some') {
                    task linearRegression(dims: 20); prompt interleaved(points: 41); model gpt2('tiny')
                    inputs gaussian(covariance: 'lowRank', rank: 10)
                    evaluate { strategies standard(), halfSubspace(), scaledX(1/3), scaledY(factor: 2), noisyY(sigma: 0.5) }
                }
                """);
        assertThat(e.get(0).inputs()).isEqualTo(Iclab.gaussian(2, 0, "skewed"));
        assertThat(e.get(0).evaluate().strategies()).isEqualTo(Iclab.all());
        assertThat(e.get(1).inputs()).isEqualTo(Iclab.gaussian(1, 0, "lowRank", 10));
        assertThat(e.get(1).evaluate().strategies()).extracting(Strategy::label)
                .containsExactly("standard", "halfSubspace", "scaledX(0.333)", "scaledY(2)", "noisyY(0.5)");
        // Groovy's 1/3 is the BigDecimal 0.3333333333; it arrives as the nearest double
        assertThat(((ScaledX) e.get(1).evaluate().strategies().get(2)).factor()).isEqualTo(0.3333333333);
        String base = "experiment('x') {\n  task linearRegression(dims: 5); prompt interleaved(points: 11); model gpt2('tiny')\n";
        assertThat(error(base + "  evaluate { strategies scaledX(0) }\n}"))
                .isEqualTo("lr.groovy:3: evaluate.strategies.scaledX: factor must be a finite number > 0, was 0.0");
        assertThat(error(base + "  evaluate { strategies scaledX(2), standard(), scaledX(factor: 2) }\n}"))
                .isEqualTo("lr.groovy:3: evaluate: strategies must not repeat a strategy (labels must differ), "
                        + "was [scaledX(2), standard, scaledX(2)]");
        assertThat(error(base + "  inputs gaussian(covariance: 'skew')\n}"))
                .isEqualTo("lr.groovy:3: inputs: covariance must be one of [isotropic, skewed, lowRank], was 'skew'");
        assertThat(error(base + "  inputs gaussian(rnk: 2)\n}"))
                .isEqualTo("lr.groovy:3: unknown setting 'rnk' in gaussian; did you mean 'rank'? (known: scale, bias, covariance, rank)");
        assertThat(error(base + "  evaluate { strategies scaledX(factr: 2) }\n}"))
                .isEqualTo("lr.groovy:3: unknown setting 'factr' in scaledX; did you mean 'factor'? (known: factor)");
    }

    @Test
    void gpt2TakesAPresetOrNamedSizes() {
        List<Experiment> e = run("""
                ['small', 'standard'].each { size ->
                    experiment(size) { task linearRegression(5); prompt interleaved(11); model gpt2(size) }
                }
                experiment('named') { task linearRegression(5); prompt interleaved(11); model gpt2(preset: 'small', positions: 41) }
                experiment('block') { task linearRegression(5); prompt interleaved(11); model gpt2 { preset 'small'; layers 2 } }
                """);
        assertThat(e).extracting(Experiment::model).containsExactly(
                new Gpt2(6, 4, 128, 101), new Gpt2(12, 8, 256, 101), new Gpt2(6, 4, 128, 41), new Gpt2(2, 4, 128, 101));
    }

    @Test
    void aWordsPresetsAreItsRegisteredOnesAndAnUnknownOneIsNamedWithTheKnown() {
        // the presets are the registration's (Extension.presets), read by the generic word forms
        assertThat(org.iclab.spec.Registry.get().word("gpt2").orElseThrow().extension().presets()).isSameAs(Gpt2.PRESETS);
        assertThat(run("experiment('x') { task linearRegression(5); prompt interleaved(11); model gpt2 { positions 41 } }").get(0).model())
                .isEqualTo(new Gpt2(3, 2, 64, 41)); // a block naming no preset starts from the first
        String huge = "experiment('x') {\n  task linearRegression(5); prompt interleaved(11)\n  model gpt2('huge')\n}";
        assertThat(error(huge)).isEqualTo("lr.groovy:3: gpt2: preset must be one of [tiny, small, standard], was 'huge'");
        assertThat(error(huge.replace("gpt2('huge')", "gpt2(preset: 'huge', layers: 2)")))
                .isEqualTo("lr.groovy:3: gpt2: preset must be one of [tiny, small, standard], was 'huge'");
        // a word without presets takes no preset name
        assertThat(error("experiment('x') {\n  task linearRegression(5); prompt interleaved(11)\n  model lstm('tiny')\n}"))
                .startsWith("lr.groovy:3:").doesNotContain("preset");
    }

    @Test
    void aScriptIsAProgramThatMayDeclareSeveralExperiments() {
        List<DeclaredExperiment> declared = ExperimentScripts.evaluate("""
                def base(String name, double lr) {
                    experiment(name) {
                        task linearRegression(dims: 3)
                        prompt interleaved(points: 5)
                        model gpt2 { layers 1; heads 2; embed 16; positions 8 }
                        train { optimizer adam(lr: lr) }
                    }
                }
                for (lr in [1e-3, 1e-4]) {
                    base("lr-$lr", lr)
                }
                def last = experiment('last') {
                    task linearRegression(3); prompt interleaved(5); model gpt2('tiny')
                }
                assert last.name() == 'last'
                """, "sweep.groovy");
        assertThat(declared).extracting(d -> d.experiment().name()).containsExactly("lr-0.001", "lr-0.0001", "last");
        assertThat(declared).extracting(d -> d.experiment().train().optimizer()).containsExactly(adam(1e-3), adam(1e-4), adam(1e-4));
        assertThat(declared).extracting(DeclaredExperiment::location).containsExactly("sweep.groovy:2", "sweep.groovy:2", "sweep.groovy:12");
    }

    @Test
    void aTypoIsAnUnknownSettingWithFileLineAndASuggestion() {
        assertThat(error("""
                experiment('lr-tiny') {
                    seed 7
                    task linearRegression(dims: 5)
                    inputs gaussian()
                    prompt interleaved(points: 11)
                    model gpt2 {
                        layers 3
                        embed 64
                        haeds 2
                    }
                }
                """)).isEqualTo("lr.groovy:9: unknown setting 'haeds' in gpt2; did you mean 'heads'? (known: preset, layers, heads, embed, positions, layerNorm, mlp, ngramHead, embedDropout, attentionDropout, residualDropout)");
        assertThat(error("experiment('x') {\n  train {\n    stesp 10\n  }\n}"))
                .isEqualTo("lr.groovy:3: unknown setting 'stesp' in train; did you mean 'steps'? "
                        + "(known: steps, batch, optimizer, curriculum, checkpointEvery, logEvery, pool, lossAt, evaluateEvery, evaluatePrompts, from, freeze, fresh, onDivergence, rollbacks, measures)");
    }

    @Test
    void mambaTakesItsScanAsANamedSettingAndRefusesAnUnknownOne() {
        List<Experiment> declared = run("""
                experiment('m') {
                    task linearRegression(3); prompt interleaved(5)
                    model mamba(layers: 1, embed: 8, state: 4, scan: 'parallel')
                }
                """);
        assertThat(declared.get(0).model()).isEqualTo(new org.iclab.spec.model.Mamba(1, 8, 4, 101, "parallel"));
        assertThat(error("experiment('m') {\n  task linearRegression(3); prompt interleaved(5)\n  model mamba(layers: 1, embed: 8, state: 4, scan: 'fast')\n}"))
                .isEqualTo("lr.groovy:3: model: scan must be 'sequential' or 'parallel', was 'fast'");
    }

    @Test
    void aMixtureTakesItsComponentsInOrderAndItsWeightsAndStrategiesByName() {
        List<Experiment> declared = run("""
                experiment('m') {
                    task mixture(linearRegression(4), sparseLinearRegression(dims: 4, sparsity: 1), weights: [0.25, 0.75])
                    prompt interleaved(8)
                    model gpt2('tiny')
                    evaluate {
                        strategies standard(), component(1), convexCombination(a: 0.5),
                                outside(sinusoid(dims: 4, frequency: 4..8, amplitude: [0.5, 1]), name: 'fast-sine')
                    }
                }
                experiment('n') {
                    task mixture(components: [linearRegression(4), linearRegression(dims: 4, scale: 3)])
                    prompt interleaved(8)
                    model gpt2('tiny')
                }
                """);
        var first = declared.get(0);
        assertThat(first.task()).isEqualTo(org.iclab.Iclab.mixture(List.of(org.iclab.Iclab.linearRegression(4),
                org.iclab.Iclab.sparseLinearRegression(4, 1, 1.0)), List.of(0.25, 0.75)));
        assertThat(first.evaluate().strategies()).extracting(org.iclab.spec.strategy.Strategy::label)
                .containsExactly("standard", "component(1)", "convexCombination(0.5)", "outside(fast-sine)");
        var outside = (org.iclab.spec.strategy.Outside) first.evaluate().strategies().get(3);
        assertThat(outside.task()).isEqualTo(org.iclab.Iclab.sinusoid(4, new org.iclab.spec.Interval(0.5, 1), new org.iclab.spec.Interval(4, 8)));
        assertThat(((org.iclab.spec.task.Mixture) declared.get(1).task()).weights()).containsExactly(1.0, 1.0);
        assertThat(error("experiment('m') {\n  task mixture(linearRegression(4), linearRegression(4), weights: [1, 'x'])\n}"))
                .isEqualTo("lr.groovy:2: task.mixture: weights must each be a finite number >= 0, was [1, x]");
        assertThat(error("experiment('m') {\n  task sinusoid(dims: 1, frequency: 'fast')\n}"))
                .isEqualTo("lr.groovy:2: sinusoid: frequency must be an interval of numbers, as 0.5..2 or [0.5, 2], was 'fast'");
    }

    @Test
    void aBurstyTaskNeedsNoPromptLineTakesItsTestSetsByNameAndChecksItsSettings() {
        List<Experiment> declared = run("""
                experiment('b') {
                    task burstyClassification(classes: 64, labels: 8, pairs: 4, burstiness: 2, withinClassNoise: 0.5, dims: 7)
                    model gpt2 { layers 2; heads 1; embed 16; positions 9 }
                    evaluate { strategies inContext(), inWeights() }
                }
                """);
        var task = (org.iclab.spec.task.BurstyClassification) declared.get(0).task();
        assertThat(task).isEqualTo(org.iclab.Iclab.burstyClassification(64, 8, 4, 2, 0.5, 0, 0.5, 0.5, 7, 0, 0));
        assertThat(task.tokenWidth()).isEqualTo(65 + 7);
        assertThat(declared.get(0).prompt()).isEqualTo(new org.iclab.spec.prompt.Tokens(9, null));
        assertThat(declared.get(0).evaluate().strategies()).extracting(org.iclab.spec.strategy.Strategy::label).containsExactly("inContext", "inWeights");
        assertThat(error("experiment('b') {\n  task burstyClassification(classes: 60, labels: 8)\n}"))
                .startsWith("lr.groovy:2: ").contains("classes must be a multiple of labels").contains("60 with labels 8");
        assertThat(error("experiment('b') {\n  task linearRegression(4)\n  prompt interleaved(8)\n  model gpt2('tiny')\n"
                + "  evaluate { strategies flippedLabels() }\n}"))
                .contains("flippedLabels is a test set of burstyClassification");
    }

    @Test
    void aBareSettingNameNeedsAValueAndAnAssignmentCallsTheSetting() {
        assertThat(error("experiment('x') {\n  train {\n    steps\n  }\n}"))
                .isEqualTo("lr.groovy:3: setting 'steps' in train needs a value, e.g. steps <value>");
        List<Experiment> declared = run("""
                experiment('x') {
                    task linearRegression(dims: 5)
                    prompt interleaved(points: 11)
                    model gpt2 { layers = 2 }
                    train { steps = 123 }
                }
                """);
        assertThat(declared.get(0).train().steps()).isEqualTo(123);
        assertThat(declared.get(0).model()).isEqualTo(new Gpt2(2, 2, 64, 101));
        assertThat(error("experiment('x') {\n  train {\n    stesp = 10\n  }\n}"))
                .startsWith("lr.groovy:3: unknown setting 'stesp' in train; did you mean 'steps'?");
    }

    @Test
    void aSettingOfAnotherBlockDoesNotResolveSilently() {
        // 'model' is a setting of experiment, not of train: DELEGATE_ONLY keeps it from reaching the outer block
        assertThat(error("experiment('x') {\n  train {\n    model gpt2('tiny')\n  }\n}"))
                .isEqualTo("lr.groovy:3: unknown setting 'model' in train (known: steps, batch, optimizer, curriculum, checkpointEvery, logEvery, pool, lossAt, evaluateEvery, evaluatePrompts, from, freeze, fresh, onDivergence, rollbacks, measures)");
    }

    @Test
    void misspelledWordsAndNamedArgumentsGetSuggestions() {
        assertThat(error("experiment('x') {\n  task linearRegresion(dims: 5)\n}"))
                .isEqualTo("lr.groovy:2: unknown name 'linearRegresion'; did you mean 'linearRegression'? (known: experiment, "
                        + String.join(", ", Words.names()) + ")");
        assertThat(error("experiment('x') {\n  task linearRegression(dimz: 5)\n}"))
                .isEqualTo("lr.groovy:2: unknown setting 'dimz' in linearRegression; did you mean 'dims'? (known: dims, scale)");
        assertThat(error("experiment('x') {\n  train {\n    curriculum { dims 5, 5, evry: 3 }\n  }\n}"))
                .isEqualTo("lr.groovy:3: unknown setting 'evry' in dims; did you mean 'every'? (known: by, every)");
        assertThat(error("experimnt('x') {\n}"))
                .startsWith("lr.groovy:1: unknown name 'experimnt'; did you mean 'experiment'?");
    }

    @Test
    void valuesOfTheWrongKindNameWhatTheSettingTakes() {
        assertThat(error("experiment('x') {\n  train { steps 'many' }\n}"))
                .isEqualTo("lr.groovy:2: wrong value for 'steps' in train: expected (int), was ('many')");
        assertThat(error("experiment('x') {\n  task linearRegression(dims: 2.5)\n}"))
                .isEqualTo("lr.groovy:2: linearRegression: dims must be a whole number, was 2.5");
        assertThat(error("experiment('x') {\n  train { optimizer adam() }\n}"))
                .startsWith("lr.groovy:2: wrong value for 'adam': expected (")
                .contains("(double)", "(name: value...)", "(double, double, double, double)")
                .endsWith(", was ()");
        assertThat(error("experiment('x') {\n  task linearRegression(scale: 2)\n}"))
                .isEqualTo("lr.groovy:2: linearRegression: dims is required, was missing");
    }

    @Test
    void validationProblemsCarryTheLineOfTheBlockThatDeclaredThem() {
        String script = """
                experiment('x') {
                    task linearRegression(dims: 5)
                    prompt interleaved(points: 11)
                    model gpt2('tiny')
                    train {
                        steps 0
                        curriculum {
                            dims 5, 20, by: 1, every: 100
                        }
                    }
                    evaluate {
                        resamples 0
                    }
                }
                """;
        // the builders report one record at a time: the training plan, then the evaluation, then the experiment
        assertThat(error(script)).isEqualTo("lr.groovy:5: train: steps must be > 0, was 0");
        assertThat(error(script.replace("steps 0", "steps 10")))
                .isEqualTo("lr.groovy:11: evaluate.bootstrap: resamples must be > 0, was 0");
        assertThat(error(script.replace("resamples 0", "resamples 10").replace("steps 0", "steps 10")))
                .isEqualTo("lr.groovy:7: train.curriculum: dims.end must be <= task.dims, was 20 > 5");
        assertThat(error("experiment('x') {\n  task linearRegression(5)\n  model gpt2 { layers 3\n    heads 3 }\n}"))
                .isEqualTo("lr.groovy:3: model: heads must divide embed, was heads 3, embed 64");
        assertThat(error("\nexperiment('x') {\n  task linearRegression(5)\n}"))
                .isEqualTo("lr.groovy:2: experiment: prompt is required, was missing\nlr.groovy:2: experiment: model is required, was missing");
    }

    @Test
    void syntaxErrorsAreLocatedAtTheirToken() {
        assertThat(error("experiment('x') {\n    task linearRegression(dims: 5\n}\n"))
                .isEqualTo("lr.groovy:3: unexpected input: '}'");
    }

    @Test
    void failuresOfTheScriptsOwnCodeAreLocatedToo() {
        assertThat(error("def a = 1\n\ndef b = a / 0\n")).isEqualTo("lr.groovy:3: ArithmeticException: Division by zero");
        assertThat(error("def size() { 3 }\nexperiment('x') {\n  seed size()\n}"))
                .isEqualTo("lr.groovy:3: unknown setting 'size' in experiment (known: name, seed, task, inputs, prompt, model, "
                        + "train, evaluate, probes); 'size' is a method of the script: inside a block call it as this.size(...)");
    }

    @Test
    void scriptsNeedNoImports() {
        List<Experiment> e = run("""
                def tiny = Gpt2.PRESETS['tiny']
                experiment('x') {
                    task linearRegression(5); prompt interleaved(11)
                    model gpt2 { layers tiny.layers(); heads tiny.heads(); embed tiny.embed() }
                }
                """);
        assertThat(e.get(0).model()).isEqualTo(Iclab_gpt2Tiny());
    }

    private static Gpt2 Iclab_gpt2Tiny() {
        return gpt2("tiny");
    }

    @Test
    void anyFileNameCompilesAndErrorsCiteTheFileAsNamed() {
        String bad = "experiment('x') {\n  task linearRegression(dims: 3)\n  model gpt2(layers: 0)\n  prompt interleaved(points: 5)\n}\n";
        String good = "experiment('x') {\n  task parity(dims: 3)\n  prompt interleaved(points: 5)\n  model gpt2('tiny')\n}\n";
        for (String name : List.of("boolean.groovy", "int.groovy", "class.groovy", "1run.groovy", "my-run.groovy", "\u00fcber lauf.groovy")) {
            assertThat(ExperimentScripts.evaluate(good, "dir/" + name)).as(name).hasSize(1);
            ScriptException e = catchThrowableOfType(() -> ExperimentScripts.evaluate(bad, "dir/" + name), ScriptException.class);
            assertThat(e).as(name).isNotNull();
            assertThat(e.diagnostics()).extracting(Diagnostic::file, Diagnostic::line).containsExactly(org.assertj.core.groups.Tuple.tuple("dir/" + name, 3));
        }
        assertThat(ExperimentScripts.className("boolean.groovy")).isEqualTo("script_boolean.groovy");
        assertThat(ExperimentScripts.className("my-run.groovy")).isEqualTo("script_my_run.groovy");
        assertThat(ExperimentScripts.className("quickstart.groovy")).isEqualTo("quickstart.groovy");
    }
}
