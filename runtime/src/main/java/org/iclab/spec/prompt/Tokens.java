package org.iclab.spec.prompt;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TokenTask;
/**
 * The prompt of a token task: the sequence itself, one token per id (read in as a row of the embedding), the
 * prediction at each position read out as a softmax over the vocabulary. Its length comes from the task; a token
 * task needs no prompt line unless a setting is wanted.
 *
 * <pre>
 * Java:   Iclab.tokens()                      Groovy:  prompt tokens(positional: 'sinusoidal')
 * </pre>
 *
 * @param points tokens in a training sequence: 0 (the default) takes the task's length
 */
@Setting("The token sequence of a token task itself (regular languages, Markov chains); its length comes from the task.")
@Word("tokens")
public record Tokens(
        @Setting(value = "Tokens in a training sequence; 0 takes the task's length.", range = ">= 0", defaults = "the task's length") int points,
        @Setting(value = "Positional encoding added to the embedded tokens.", range = "learned, none, sinusoidal",
                defaults = "learned for gpt2 and looped, none for recurrent models") String positional) implements Prompt {
    public Tokens {
        Problems.in("prompt").require(points >= 0, "points", "must be >= 0", points)
                .require(positional == null || POSITIONALS.contains(positional), "positional", "must be one of " + POSITIONALS, "'" + positional + "'")
                .throwIfAny();
    }

    /** The task's length, the model's default positions. */
    public Tokens() {
        this(0, null);
    }

    /**
     * The prompt {@code task} is read with: a token task's undeclared prompt, or a {@code tokens()} without points,
     * becomes tokens of the task's length; every other prompt is returned as it is.
     */
    public static Prompt resolve(Task task, Prompt prompt) {
        if (task instanceof TokenTask tokens && (prompt == null || prompt instanceof Tokens t && t.points() == 0)) {
            return new Tokens(tokens.length(), prompt == null ? null : ((Tokens) prompt).positional());
        }
        return prompt;
    }

    @Override
    public int tokens(int points) {
        return points;
    }

    /** A token is one of the vocabulary's ids; the compiler reads the width from the task's vocabulary. */
    @Override
    public int width(int dims) {
        return dims;
    }

    @Override
    public Boolean yLast() {
        return Boolean.FALSE;
    }

    @Override
    public boolean readsTokens() {
        return true;
    }
}
