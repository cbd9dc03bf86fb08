package org.iclab.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a setting once, next to the code that takes it, so that {@code iclab describe} and the DSL's error
 * messages are generated from the code rather than from a hand-kept copy. On a builder method or a record
 * component it describes one setting; on a spec record it describes the vocabulary word that makes it
 * ({@code linearRegression}, {@code adam}, ...). Defaults are not written here: {@code describe} reads them from a
 * record built with the builder's defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Setting {
    /** What the setting means, one sentence. */
    String value();

    /**
     * The allowed values, as the validation enforces them ({@code "> 0"}, {@code "[0, 1)"}); empty if any. For a
     * setting that takes words, {@code {words}} stands for the registered words of that kind.
     */
    String range() default "";

    /** The default where it is derived rather than a constant ({@code "the prompt's points"}). */
    String defaults() default "";

    /** How the setting is written in a script when that is not just {@code name value}. */
    String example() default "";
}
