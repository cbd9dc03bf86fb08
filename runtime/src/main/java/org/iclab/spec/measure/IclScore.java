package org.iclab.spec.measure;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.score.TokenScores;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TokenTask;
/**
 * The in-context-learning score of Olsson et al. 2022: the model's mean cross-entropy at a late position minus that at
 * an early one (their tokens 500 and 50 of 512), so it falls below zero as the model learns to use its context.
 * Positions count from 0 over the positions (or scoring units) eval.csv reports; by default, scaled to the sequence
 * as Olsson et al.'s are to theirs: late is the last position scored, early the first scored position plus 50/512 of
 * the span between them. Series {@code score}.
 *
 * <pre>
 * Java:   t -&gt; t.evaluateEvery(100).measures(new IclScore())       Groovy:  train { evaluateEvery 100; measures iclScore(early: 2, late: 30) }
 * </pre>
 */
@Setting("The in-context-learning score (Olsson et al.): cross-entropy at a late position minus at an early one, during training.")
@Word("iclScore")
public record IclScore(@Setting(value = "The early position (from 0).", range = ">= 0, < late", defaults = "the first scored position + 50/512 of the span")
                       Integer early,
                       @Setting(value = "The late position (from 0).", range = "> early", defaults = "the last scored position") Integer late)
        implements Measure {
    public IclScore {
        Problems.in("iclScore")
                .require(early == null || early >= 0, "early", "must be >= 0", early)
                .require(early == null || late == null || late > early, "late", "must be > early (" + early + ")", late)
                .throwIfAny();
    }

    /** Both positions scaled to the sequence. */
    public IclScore() {
        this(null, null);
    }

    @Override
    public String title() {
        return "in-context-learning score during training";
    }

    @Override
    public String axisTitle() {
        return "cross-entropy late \u2212 early (nats)";
    }

    @Override
    public String cannotMeasure(Task task) {
        return task instanceof TokenTask t && t.objective() instanceof Objective.CrossEntropy c
                && c.scores().stream().anyMatch(s -> s instanceof TokenScores.CrossEntropy) ? null
                : "needs a token task whose objective scores the cross-entropy";
    }
}
