package org.iclab.spec.baseline;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Predicts w_hat·x with w_hat = mean of y_i·x_i over the examples seen so far (Garg et al.'s averaging estimator).
 * Java: {@code Iclab.averaging()}; Groovy: {@code averaging()}.
 */
@Setting("Predicts w.x with w the mean of y*x over the examples seen so far.")
@Word("averaging")
public record Averaging() implements Baseline {
}
