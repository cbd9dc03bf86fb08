package org.iclab.spec.strategy;

import org.iclab.spec.Extension;
import org.iclab.spec.task.Task;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An evaluation strategy (Garg et al. 2022, section 4): which prompts the model and the baselines are scored on.
 * {@code standard} is the experiment's own distribution; the others move the inputs, the outputs or the query away
 * from it to test out-of-distribution generalisation. Each strategy is evaluated on prompts of its own, drawn from
 * the evaluation seed stream.
 *
 * <pre>
 * Java:   e -&gt; e.strategies(standard(), halfSubspace(), scaledX(2))      or   e.strategies(all())
 * Groovy: evaluate { strategies standard(), halfSubspace(), scaledX(2) }   or   strategies all()
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Strategy {
    /**
     * The strategy's name in eval.csv's {@code strategy} column and in plot file names: the word, with its parameter
     * where it has one ({@code scaledX(2)}, {@code scaledX(0.333)}, {@code noisyY(0.5)}; see {@link #number}).
     */
    @JsonIgnore
    default String label() {
        return Extension.wordOf(getClass());
    }

    /**
     * True where the query at each k differs from the context input at k (Garg et al.'s {@code xs_p}): every k is
     * then scored on a prompt of its own, whose first k examples are the context and whose k-th input is the query.
     */
    @JsonIgnore
    default boolean queryDiffers() {
        return false;
    }

    /**
     * Why this strategy cannot evaluate an experiment of {@code task} (a rule, as an error states it), or null where
     * it can; the task has its say too ({@link Task#accepts}).
     */
    default String cannotEvaluate(Task task) {
        return null;
    }

    /** Why the strategy's prompts cannot be drawn from the experiment's {@code inputs}, or null where they can. */
    default String cannotRead(org.iclab.spec.inputs.Inputs inputs) {
        return null;
    }

    /** True where the strategy replaces the gaussian inputs' covariance, and so needs gaussian inputs. */
    default boolean needsGaussianInputs() {
        return false;
    }

    /**
     * A parameter as a label shows it: at most three significant digits, but every digit of its integer part, without
     * trailing zeros ({@code 2}, {@code 0.5}, {@code 0.333} for 1/3, {@code 1235} for 1234.5). Stable: the same
     * double always gives the same text.
     */
    static String number(double value) {
        BigDecimal exact = new BigDecimal(value);
        int integerDigits = exact.abs().compareTo(BigDecimal.ONE) >= 0 ? exact.abs().toBigInteger().toString().length() : 0;
        BigDecimal rounded = exact.round(new MathContext(Math.max(3, integerDigits), RoundingMode.HALF_UP)).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
