package org.iclab.dsl;

/** A mistake the DSL layer itself detects (an unknown named argument, a value of the wrong kind); located later. */
final class DslError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    DslError(String message) {
        super(message);
    }
}
