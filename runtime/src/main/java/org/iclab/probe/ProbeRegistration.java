package org.iclab.probe;

import java.util.List;
import org.iclab.spec.Constant;
import org.iclab.spec.Extension;
import org.iclab.spec.GradientDescent;
import org.iclab.spec.GradientDescentIterate;
import org.iclab.spec.LeastSquaresEstimate;
import org.iclab.spec.MomentXy;
import org.iclab.spec.Newton;
import org.iclab.spec.Registration;
import org.iclab.spec.Shuffled;
import org.iclab.spec.Weights;

/**
 * The words the probes take: the alignment probes' algorithms, the controls and the linear probes' targets (their
 * closed forms live in {@link Targets}, their use in {@link Probes}). One line a word.
 */
public final class ProbeRegistration implements Registration {
    @Override
    public List<Extension> extensions() {
        return List.of(
                Extension.declared("newton", Newton.class),
                Extension.declared("gradientDescent", GradientDescent.class),

                Extension.declared("constant", Constant.class),
                Extension.declared("shuffled", Shuffled.class),

                Extension.declared("weights", Weights.class),
                Extension.declared("leastSquaresEstimate", LeastSquaresEstimate.class),
                Extension.declared("momentXy", MomentXy.class),
                Extension.declared("gradientDescentIterate", GradientDescentIterate.class));
    }
}
