package org.iclab.eval;

import java.util.List;
import org.iclab.spec.Extension;
import org.iclab.spec.Registration;
import org.iclab.spec.score.TokenScores;

/**
 * The words this package scores and measures with: token scores (the record is all there is to one:
 * {@link TokenEvaluation} reads it; the word also names its column, {@code tokenError} → {@code token_error}) and
 * measures taken during training ({@link Measurement}). One line a word.
 */
public final class EvalRegistration implements Registration {
    @Override
    public List<Extension> extensions() {
        return List.of(
                Extension.declared("tokenError", TokenScores.TokenError.class),
                Extension.declared("crossEntropy", TokenScores.CrossEntropy.class),
                Extension.declared("perplexity", TokenScores.Perplexity.class),
                Extension.declared("excessOverBayes", TokenScores.ExcessOverBayes.class),
                Extension.declared("dfaError", TokenScores.DfaError.class),
                Extension.declared("tvd", TokenScores.Tvd.class),
                Extension.declared("stringError", org.iclab.spec.score.StringError.class),
                new InductionMeasurement(),
                new IclScoreMeasurement());
    }
}
