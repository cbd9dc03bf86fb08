package org.iclab.spec.baseline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a baseline with settings is named in results, so that every declared learner's name is unique and readable:
 * the word, then in parentheses what tells it apart. A word with one setting always shows it ({@code ridge(1)},
 * {@code lasso(0.01)}, {@code greedyTree(4)}), because sweeping that setting is how the word is used; a word with
 * several shows those that differ from its defaults as {@code name=value}, separated by {@code ;} (results are
 * comma-separated), and is bare when all are defaults ({@code gradientBoosting},
 * {@code gradientDescentNet(hidden=50;lr=0.01)}). Two different records of one word differ in some setting, so
 * their names differ too.
 */
public final class BaselineNames {
    private final String word;
    private final List<String> parts = new ArrayList<>();

    private BaselineNames(String word) {
        this.word = word;
    }

    /** The name of {@code baseline}, starting from the word its record carries. */
    public static BaselineNames of(Baseline baseline) {
        return new BaselineNames(org.iclab.spec.Extension.wordOf(baseline.getClass()));
    }

    /** Adds {@code name=value} when {@code value} differs from {@code defaultValue}. */
    public BaselineNames unlessDefault(String name, double value, double defaultValue) {
        if (Double.compare(value, defaultValue) != 0) {
            parts.add(name + "=" + number(value));
        }
        return this;
    }

    /** Adds {@code name=value} when {@code value} differs from {@code defaultValue} (null counts as a value). */
    public BaselineNames unlessDefault(String name, Object value, Object defaultValue) {
        if (!java.util.Objects.equals(value, defaultValue)) {
            parts.add(name + "=" + (value instanceof Double v ? number(v) : String.valueOf(value)));
        }
        return this;
    }

    public String build() {
        return parts.isEmpty() ? word : word + "(" + String.join(";", parts) + ")";
    }

    /** The shortest plain decimal that reads back as {@code value}: 1, 0.1, 0.0001, 0.005. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
