package org.iclab.dsl;

/**
 * One error in a script, located like a compiler would: {@code lr.groovy:9: unknown setting 'haeds' in model; ...}.
 *
 * @param file    the script as the user named it
 * @param line    1-based line, or 0 when the error has no line (a problem of the file as a whole)
 * @param message what went wrong, one line
 */
public record Diagnostic(String file, int line, String message) {
    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
