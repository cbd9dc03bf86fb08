package org.iclab.dsl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A script that does not compile, names a setting that does not exist, or declares an experiment that breaks a
 * rule. A user error: the message is one line per {@link Diagnostic}, with file and line, and no stack trace is
 * meant to be shown for it.
 */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public ScriptException(List<Diagnostic> diagnostics, Throwable cause) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")), cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
