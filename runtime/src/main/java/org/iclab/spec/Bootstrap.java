package org.iclab.spec;

/** Bootstrap confidence interval over evaluation prompts: resamples and the two-sided confidence level. */
public record Bootstrap(int resamples, double confidence) {
    public Bootstrap {
        Problems.in("evaluate.bootstrap")
                .require(resamples > 0, "resamples", "must be > 0", resamples)
                .require(confidence > 0 && confidence < 1, "confidence", "must be in (0, 1)", confidence)
                .throwIfAny();
    }
}
