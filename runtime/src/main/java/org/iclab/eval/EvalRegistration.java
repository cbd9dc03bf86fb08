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
                Extension.declared(TokenScores.TokenError.class),
                Extension.declared(TokenScores.CrossEntropy.class),
                Extension.declared(TokenScores.Perplexity.class),
                Extension.declared(TokenScores.ExcessOverBayes.class),
                Extension.declared(TokenScores.DfaError.class),
                Extension.declared(TokenScores.Tvd.class),
                Extension.declared(org.iclab.spec.score.StringError.class),
                new InductionMeasurement(),
                new IclScoreMeasurement());
    }
}
