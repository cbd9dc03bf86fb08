package org.iclab.baseline;

import java.util.function.Function;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.Experiment;
import org.iclab.spec.Extension;

/**
 * The extension point of baselines: the {@link Learner} a declared {@link Baseline} record stands for. Registered in
 * {@link BaselineRegistration}.
 *
 * @param <B> the spec record
 */
public interface LearnerFactory<B extends Baseline> extends Extension {
    @Override
    Class<B> spec();

    /** The learner {@code baseline} declares; evaluation shares it across threads. */
    Learner create(B baseline);

    /**
     * The learner {@code baseline} declares for {@code experiment}: the same as {@link #create(Baseline)} except for
     * learners that read the experiment's prior ({@code bayes()}).
     */
    default Learner create(B baseline, Experiment experiment) {
        return create(baseline);
    }

    /** A learner factory from its record (which carries its word) and constructor. */
    static <B extends Baseline> LearnerFactory<B> of(Class<B> spec, Function<B, Learner> create) {
        return new Simple<>(spec, create);
    }

    /** A learner factory made of its parts. */
    record Simple<B extends Baseline>(Class<B> spec, Function<B, Learner> constructor) implements LearnerFactory<B> {
        @Override
        public Learner create(B baseline) {
            return constructor.apply(baseline);
        }
    }
}
