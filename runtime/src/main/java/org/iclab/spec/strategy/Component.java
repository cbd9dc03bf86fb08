package org.iclab.spec.strategy;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.Mixture;
import org.iclab.spec.task.Task;
/**
 * Prompts of one component of a {@link Mixture} only, drawn as that component draws them, and scored as the mixture
 * scores. Components count from 0 in the order the mixture lists them.
 *
 * <pre>
 * Java:   Iclab.component(1)  Groovy:  strategies standard(), component(0), component(1)
 * </pre>
 */
@Setting("Prompts of one component of a mixture only (components count from 0).")
@Word("component")
public record Component(@Setting(value = "Which component, counting from 0.", range = ">= 0 and < the mixture's components") int index)
        implements Strategy {
    public Component {
        Problems.in("evaluate.strategies.component").require(index >= 0, "index", "must be >= 0", index).throwIfAny();
    }

    @Override
    public String cannotEvaluate(Task task) {
        if (!(task instanceof Mixture m)) {
            return "is for a mixture task";
        }
        return index < m.components().size() ? null : "needs index < the mixture's " + m.components().size() + " components";
    }

    @Override
    public String label() {
        return Extension.wordOf(getClass()) + "(" + index + ")";
    }
}
