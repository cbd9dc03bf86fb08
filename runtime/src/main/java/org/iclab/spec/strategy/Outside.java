package org.iclab.spec.strategy;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Registry;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TokenTask;
/**
 * Prompts of another function class than the experiment's (Yadlowsky et al.'s families outside the training mixture,
 * or a class's parameters outside their training range): drawn from {@code task} with the experiment's inputs, and
 * scored as the experiment's task scores. The class must read the same inputs, have the same dimension and the same
 * loss. Labelled {@code outside(NAME)}, NAME being the class's word unless a name is given.
 *
 * <pre>
 * Java:   Iclab.outside(Iclab.sinusoid(1))    Groovy:  strategies outside(sinusoid(dims: 1, frequency: 4..8), name: 'fast-sine')
 * </pre>
 */
@Setting("Prompts of another function class (same dims, inputs and loss), scored as the experiment's task.")
@Word("outside")
public record Outside(@Setting(value = "The function class the prompts come from.") Task task,
                      @Setting(value = "What the label shows in outside(NAME).", range = "letters, digits, '-', '_', '.'",
                              defaults = "the class's word") String name) implements Strategy {
    public Outside {
        Problems.in("evaluate.strategies.outside")
                .require(task != null, "task", "must be a function class", "missing")
                .require(!(task instanceof TokenTask), "task", "must be a function class of (x, y) pairs", "a token task")
                .require(name == null || name.matches("[A-Za-z0-9_.-]+"), "name", "must be letters, digits, '-', '_' or '.'", "'" + name + "'")
                .throwIfAny();
    }

    public Outside(Task task) {
        this(task, null);
    }

    /** Its class must read the experiment's inputs. */
    @Override
    public String cannotRead(org.iclab.spec.inputs.Inputs inputs) {
        return task.cannotRead(inputs);
    }

    @Override
    public String cannotEvaluate(Task own) {
        if (own instanceof TokenTask) {
            return "is for tasks of (x, y) pairs";
        }
        if (own.dims() != task.dims()) {
            return "needs its task's dims to be the experiment's (" + task.dims() + " != " + own.dims() + ")";
        }
        return own.objective().loss() == task.objective().loss() ? null : "needs its task's loss to be the experiment's";
    }

    @Override
    public String label() {
        return Extension.wordOf(getClass()) + "(" + (name != null ? name : Registry.get().wordOf(task.getClass()).map(Registry.Word::name).orElse("task")) + ")";
    }
}
