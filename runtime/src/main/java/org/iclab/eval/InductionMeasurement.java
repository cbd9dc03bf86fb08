package org.iclab.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.measure.Induction;
import org.iclab.spec.strategy.Strategy;

/** {@link Induction}: {@link InductionScores} of every attention layer and head, as series {@code L1H1}, {@code L1H2}, .... */
final class InductionMeasurement implements Measurement<Induction> {
    @Override
    public Class<Induction> spec() {
        return Induction.class;
    }

    @Override
    public String cannotTake(Induction measure, CompiledModel model) {
        return model.attentionLayers() > 0 ? null : "needs a model with attention layers";
    }

    @Override
    public Map<String, Double> take(Induction measure, Strategy strategy, Context context) {
        CompiledModel model = context.model();
        Map<String, List<Double>> byLayer = InductionScores.of(context.tokenPrompts(strategy), model.attentionLayers(), model.heads(),
                model::attention);
        Map<String, Double> series = new LinkedHashMap<>();
        int layer = 0;
        for (List<Double> heads : byLayer.values()) { // "layer 1", "layer 2", ... in order
            layer++;
            for (int h = 0; h < heads.size(); h++) {
                series.put("L" + layer + "H" + (h + 1), heads.get(h));
            }
        }
        return series;
    }
}
