package org.iclab.spec.measure;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TokenTask;
/**
 * The induction score of each attention layer and head during training (Olsson et al. 2022; Reddy 2023): at every
 * scored position, the attention paid to the tokens that follow earlier occurrences of its own token. Series
 * {@code L1H1}, {@code L1H2}, ... (layer and head from 1). Taken by default wherever it can be: a token task read
 * by a model with attention layers.
 *
 * <pre>
 * Java:   t -&gt; t.evaluateEvery(100).measures(new Induction())      Groovy:  train { evaluateEvery 100; measures induction() }
 * </pre>
 */
@Setting("The induction score of every attention layer and head during training (attention on the tokens after earlier "
        + "occurrences of the current token); taken by default on token tasks read by models with attention.")
@Word("induction")
public record Induction() implements Measure {
    @Override
    public String title() {
        return "induction score during training";
    }

    @Override
    public String axisTitle() {
        return "attention on the tokens after earlier matches";
    }

    @Override
    public double[] axisRange() {
        return new double[] {0, 1};
    }

    @Override
    public String cannotMeasure(Task task) {
        return task instanceof TokenTask ? null : "needs a token task";
    }
}
