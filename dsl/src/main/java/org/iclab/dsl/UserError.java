package org.iclab.dsl;

/** A mistake on the command line or in a sweep's declaration (a bad --set, an unknown topic): reported in one line, exit code 2. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
