package org.iclab.spec.score;

import org.iclab.spec.Word;
import org.iclab.spec.task.TokenTask;
/**
 * 1 − per-string accuracy on a language: a string counts as right only where every greedy next token in it is one
 * the task allows (its oracle gives it a positive probability), so one invalid token makes the whole string wrong. Per
 * position it is the DFA error; a scoring unit ({@link TokenTask#unit()}, a string of {@code regularLanguage}) is 1
 * where any of its positions is invalid.
 */
@Word("stringError")
public record StringError() implements Score {
    @Override
    public double at(Position p) {
        return TokenScores.invalid(p);
    }

    @Override
    public boolean readsOracle() {
        return true;
    }

    @Override
    public double unit(double mean) {
        return mean > 0 ? 1 : 0;
    }

    @Override
    public String axisTitle() {
        return "string error (1 \u2212 share of strings with every greedy token valid)";
    }

    @Override
    public String tableTitle() {
        return "string error";
    }
}
