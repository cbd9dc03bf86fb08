package org.iclab.dsl;

/** A mistake the DSL layer itself detects (an unknown named argument, a value of the wrong kind); located later. */
final class DslError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    DslError(String message) {
        super(message);
        this.line = 0;
    }

    /** The script line it concerns where the stack cannot tell it (a check made after the script ran), else 0. */
    final int line;

    DslError(String message, Throwable cause) {
        this(message, cause, 0);
    }

    DslError(String message, Throwable cause, int line) {
        super(message, cause);
        this.line = line;
    }
}
