package org.iclab.spec.baseline;

import org.iclab.spec.Setting;
/**
 * Predicts w_hat·x with w_hat = mean of y_i·x_i over the examples seen so far (Garg et al.'s averaging estimator).
 * Java: {@code Iclab.averaging()}; Groovy: {@code averaging()}.
 */
@Setting("Predicts w.x with w the mean of y*x over the examples seen so far.")
public record Averaging() implements Baseline {
    @Override
    public String learnerName() {
        return "averaging";
    }
}
