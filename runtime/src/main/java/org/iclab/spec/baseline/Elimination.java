package org.iclab.spec.baseline;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.iclab.spec.Word;

/**
 * The elimination algorithm, the classic PAC learner for conjunctions and disjunctions of literals over ±1 inputs.
 * For a conjunction it starts from every literal (x_i and ¬x_i for each i, which no input satisfies), drops each
 * literal a positive example falsifies, and predicts +1 iff the query satisfies every literal left (−1 until a
 * positive is seen). For a disjunction it drops each literal a negative example satisfies and predicts +1 iff the
 * query satisfies a literal left. It is exact once the examples have eliminated every literal outside the target.
 * Named {@code elimination} or {@code elimination(disjunction)} in results.
 *
 * <pre>
 * Java:   Iclab.elimination()                 Groovy:  elimination()
 *         Iclab.elimination("disjunction")             elimination(form: 'disjunction')
 * </pre>
 */
@Setting("The elimination algorithm for conjunctions (or disjunctions) of literals: keep the literals no example contradicts.")
@Word("elimination")
public record Elimination(@Setting(value = "The hypothesis class: 'conjunction' or 'disjunction'.", range = "conjunction, disjunction")
                          String form) implements Baseline {
    public static final String CONJUNCTION = "conjunction";
    public static final String DISJUNCTION = "disjunction";

    public Elimination {
        Problems.in("evaluate.baselines.elimination")
                .require(CONJUNCTION.equals(form) || DISJUNCTION.equals(form), "form", "must be 'conjunction' or 'disjunction'",
                        form == null ? "missing" : "'" + form + "'")
                .throwIfAny();
    }

    /** The learner for conjunctions. */
    public Elimination() {
        this(CONJUNCTION);
    }

    /** Whether the hypotheses are disjunctions. */
    @JsonIgnore
    public boolean disjunctive() {
        return DISJUNCTION.equals(form);
    }

    @Override
    public String learnerName() {
        return disjunctive() ? Extension.wordOf(getClass()) + "(disjunction)" : Extension.wordOf(getClass());
    }
}
