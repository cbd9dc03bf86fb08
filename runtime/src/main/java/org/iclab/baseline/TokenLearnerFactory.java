package org.iclab.baseline;

import java.util.function.BiFunction;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.Extension;
import org.iclab.spec.task.TokenTask;

/**
 * The extension point of token baselines: the {@link TokenLearner} a declared {@link Baseline} record stands for on
 * one token task. Registered in {@link BaselineRegistration} beside the (x, y) learners.
 *
 * @param <B> the spec record
 */
public interface TokenLearnerFactory<B extends Baseline> extends Extension {
    @Override
    Class<B> spec();

    TokenLearner create(B baseline, TokenTask task);

    /** A token learner factory from its record (which carries its word) and constructor. */
    static <B extends Baseline> TokenLearnerFactory<B> of(Class<B> spec, BiFunction<B, TokenTask, TokenLearner> create) {
        return new Simple<>(spec, create);
    }

    /** A token learner factory made of its parts. */
    record Simple<B extends Baseline>(Class<B> spec, BiFunction<B, TokenTask, TokenLearner> constructor)
            implements TokenLearnerFactory<B> {
        @Override
        public TokenLearner create(B baseline, TokenTask task) {
            return constructor.apply(baseline, task);
        }
    }
}
