package org.iclab.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.Experiment;
import org.iclab.spec.measure.Measure;
import org.iclab.spec.Registry;
import org.iclab.spec.SpecException;
import org.iclab.spec.strategy.Strategy;
import org.iclab.task.TokenBatch;

/**
 * The measures of a run ({@code train.measures}, or the defaults where none are declared), taken at each evaluation
 * during training: measure word → strategy → series → value.
 */
public final class Measures {
    private final Experiment experiment;
    private final CompiledModel model;
    private final Evaluator evaluator;
    private final List<Measure> measures = new ArrayList<>();

    /**
     * The measures to take on {@code model}: each declared one (an error, before any step, where it cannot be taken
     * on this model), or each default one that can be taken here.
     */
    public Measures(Experiment experiment, CompiledModel model, Evaluator evaluator) {
        this.experiment = experiment;
        this.model = model;
        this.evaluator = evaluator;
        boolean declared = experiment.train().measures() != null;
        for (Measure m : experiment.train().measuresOrDefaults()) {
            String cannot = m.cannotMeasure(experiment.task());
            if (cannot == null) {
                cannot = take(m).cannotTake(m, model);
            }
            if (cannot == null) {
                measures.add(m);
            } else if (declared) {
                throw new SpecException("train", "measures", word(m) + " " + cannot, word(m));
            }
        }
    }

    /** The evaluator whose prompts the measures read (the short evaluations during training). */
    public Evaluator evaluator() {
        return evaluator;
    }

    /** The word of {@code measure}: its key in metrics.jsonl and the stem of its figure. */
    public static String word(Measure measure) {
        return Registry.get().wordOf(measure.getClass()).map(Registry.Word::name).orElseThrow();
    }

    /** Each measure on each strategy of the evaluation whose curves are {@code curves}; a measure with no values is left out. */
    public Map<String, Map<String, Map<String, Double>>> take(List<ErrorCurve> curves) {
        Measurement.Context context = new Measurement.Context() {
            @Override
            public Experiment experiment() {
                return experiment;
            }

            @Override
            public CompiledModel model() {
                return model;
            }

            @Override
            public TokenBatch tokenPrompts(Strategy strategy) {
                return evaluator.tokenPrompts(strategy);
            }

            @Override
            public ErrorCurve modelCurve(Strategy strategy) {
                return curves.stream().filter(c -> c.learner().equals(Evaluator.MODEL) && c.strategy().equals(strategy.label()))
                        .findFirst().orElseThrow();
            }
        };
        Map<String, Map<String, Map<String, Double>>> all = new LinkedHashMap<>();
        for (Measure m : measures) {
            Map<String, Map<String, Double>> byStrategy = new LinkedHashMap<>();
            for (Strategy strategy : experiment.evaluate().strategies()) {
                Map<String, Double> values = take(m).take(m, strategy, context);
                if (!values.isEmpty()) {
                    byStrategy.put(strategy.label(), values);
                }
            }
            if (!byStrategy.isEmpty()) {
                all.put(word(m), byStrategy);
            }
        }
        return all;
    }

    private static <M extends Measure> Measurement<M> take(M measure) {
        return Measurement.of(measure);
    }
}
