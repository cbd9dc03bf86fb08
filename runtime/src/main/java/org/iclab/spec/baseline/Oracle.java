package org.iclab.spec.baseline;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.MarkovChain;
import org.iclab.spec.task.RegularLanguage;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TokenTask;
/**
 * The distribution each next token is actually drawn from (for {@link MarkovChain}, the row of the sequence's own
 * transition table; for {@link RegularLanguage}, uniform over the symbols the automaton allows next): the floor no
 * in-context learner can beat without knowing the table or the automaton. Named {@code oracle} in
 * results.
 *
 * <pre>
 * Java:   Iclab.oracle()                      Groovy:  oracle()
 * </pre>
 */
@Setting("The true next-token distribution of each sequence (markovChain: its own transition row; regularLanguage: uniform over the allowed symbols).")
@Word("oracle")
public record Oracle() implements Baseline {
    @Override
    public String cannotScore(Task task) {
        return task instanceof TokenTask t && t.hasOracle() ? null : "needs a token task that knows its next-token distributions (markovChain, regularLanguage)";
    }
}
