package org.iclab.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A declaration that breaks one or more rules; the message lists each problem on its own line. */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public SpecException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** A single problem that is not about one setting's value (an unknown preset, an unreadable file, ...). */
    public SpecException(String path, String setting, String rule, Object value) {
        this(List.of(new Problem(path, setting, rule, String.valueOf(value))));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        return problems.size() + " problems:\n" + problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n"));
    }
}
