package org.iclab.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The word a spec record is written with: its DSL word, JSON type name and {@code describe} entry, and its name in
 * results where it has no settings to show. Written here once; the registration, the record's name and the DSL read
 * it ({@link Extension#wordOf}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Word {
    /** The word, in lower camel case: {@code linearRegression}. */
    String value();
}
