package org.iclab.dsl;

import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.DefaultGroovyMethods;
import org.codehaus.groovy.runtime.FormatHelper;
import org.codehaus.groovy.syntax.SyntaxException;
import org.iclab.spec.Problem;
import org.iclab.spec.SpecException;

/** Turns what went wrong in a script into one-line, located {@link Diagnostic}s. */
final class Diagnostics {
    private Diagnostics() {
    }

    static ScriptException compileErrors(MultipleCompilationErrorsException e, String text, String source) {
        List<Diagnostic> found = new ArrayList<>();
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException x = s.getCause();
                found.add(new Diagnostic(source, x.getLine(), syntaxMessage(x, text)));
            } else if (m instanceof ExceptionMessage x) {
                found.add(new Diagnostic(source, 0, firstLine(String.valueOf(x.getCause().getMessage()))));
            } else if (m instanceof SimpleMessage x) {
                found.add(new Diagnostic(source, 0, firstLine(x.getMessage())));
            }
        }
        if (found.isEmpty()) {
            found.add(new Diagnostic(source, 0, firstLine(e.getMessage())));
        }
        return new ScriptException(found, e);
    }

    /** Groovy quotes everything after the error up to the end of the file; quote only the token at the error. */
    private static String syntaxMessage(SyntaxException x, String text) {
        String message = x.getOriginalMessage();
        String unexpected = "Unexpected input: '";
        if (message.startsWith(unexpected) && (message.contains("\\n") || message.indexOf('\n') >= 0)) {
            List<String> lines = text.lines().toList();
            if (x.getLine() >= 1 && x.getLine() <= lines.size()) {
                String rest = lines.get(x.getLine() - 1).substring(Math.min(Math.max(0, x.getStartColumn() - 1), lines.get(x.getLine() - 1).length())).strip();
                String token = rest.isEmpty() ? "end of line" : rest.split("\\s+")[0];
                return "unexpected input: '" + token + "'";
            }
        }
        return firstLine(message);
    }

    /**
     * Locates a failure of the running script; returns null when it is not the script's doing (a failure inside
     * iclab itself), so the caller lets it through as an internal error.
     */
    static ScriptException translate(Throwable thrown, ExperimentScript script, String source) {
        String scriptClass = script.getClass().getName();
        Throwable t = meaningful(thrown);
        if (t instanceof ExperimentScript.LocatedProblems located) {
            List<Problem> problems = located.problems.problems();
            List<Diagnostic> found = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                found.add(new Diagnostic(source, located.lines.get(i), problems.get(i).message()));
            }
            return new ScriptException(found, thrown);
        }
        int line = t instanceof DslError d && d.line > 0 ? d.line : Blocks.lineOf(t, scriptClass);
        if (t instanceof SpecException spec) {
            return new ScriptException(spec.problems().stream().map(p -> new Diagnostic(source, line, p.message())).toList(), thrown);
        }
        String message;
        if (t instanceof DslError) {
            message = t.getMessage();
        } else if (t instanceof MissingMethodException m) {
            message = missingMethod(m, script);
        } else if (t instanceof MissingPropertyException p) {
            message = missingProperty(p, script);
        } else if (line > 0) {
            message = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
        } else {
            return null;
        }
        return new ScriptException(List.of(new Diagnostic(source, line, message)), thrown);
    }

    private static Throwable meaningful(Throwable thrown) {
        Throwable deepest = thrown;
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            if (c instanceof ExperimentScript.LocatedProblems || c instanceof SpecException || c instanceof DslError
                    || c instanceof MissingMethodException || c instanceof MissingPropertyException) {
                return c;
            }
            deepest = c;
            if (c.getCause() == c) {
                break;
            }
        }
        return deepest;
    }

    private static String missingMethod(MissingMethodException m, ExperimentScript script) {
        String name = m.getMethod();
        Class<?> type = m.getType();
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        Optional<String> block = Builders.block(type);
        if (block.isPresent()) {
            List<String> settings = Builders.settings(type);
            if (settings.contains(name)) {
                return "wrong value for '" + name + "' in " + block.get() + ": expected " + signatures(type, name) + ", was " + render(args);
            }
        }
        // a word called with arguments no form takes is not resolved statically, so it surfaces on the block
        if (type == Words.class || Words.isWord(name)) {
            return "wrong value for '" + name + "': expected " + Words.forms(name) + ", was " + render(args);
        }
        if (block.isPresent()) {
            return unknownIn(name, block.get(), Builders.settings(type), script);
        }
        if (Script.class.isAssignableFrom(type)) {
            return unknownName(name);
        }
        return firstLine(m.getMessage());
    }

    private static String missingProperty(MissingPropertyException p, ExperimentScript script) {
        String name = p.getProperty();
        Class<?> type = p.getType();
        if (Reference.words().contains(name)) {
            return "'" + name + "' needs its arguments: write " + name + "(...)";
        }
        Optional<String> block = type == null ? Optional.empty() : Builders.block(type);
        if (block.isPresent()) {
            List<String> settings = Builders.settings(type);
            if (settings.contains(name)) {
                return "setting '" + name + "' in " + block.get() + " needs a value, e.g. " + name + " <value>";
            }
            return unknownIn(name, block.get(), settings, script);
        }
        if (type != null && Script.class.isAssignableFrom(type)) {
            return unknownName(name);
        }
        return firstLine(p.getMessage());
    }

    private static String unknownIn(String name, String block, List<String> settings, ExperimentScript script) {
        Optional<String> setting = Suggestions.closest(name, settings);
        Optional<String> word = Suggestions.closest(name, Reference.words());
        if (word.isPresent() && (setting.isEmpty()
                || Suggestions.distance(name, word.get()) < Suggestions.distance(name, setting.get()))) {
            return unknownName(name);
        }
        String message = Suggestions.unknown("setting", name, block, settings);
        if (!DefaultGroovyMethods.respondsTo(script, name).isEmpty()) {
            message += "; '" + name + "' is a method of the script: inside a block call it as this." + name + "(...)";
        } else if (script.getBinding().hasVariable(name)) {
            message += "; '" + name + "' is a script variable: declare it with def to use it inside a block";
        }
        return message;
    }

    private static String unknownName(String name) {
        List<String> known = new ArrayList<>();
        known.add("experiment");
        known.addAll(Words.names());
        return Suggestions.unknown("name", name, null, known);
    }

    /** {@code (int) or (int, int, by: int, every: int)}: the forms a name takes on {@code type} (and its Groovy extensions). */
    private static String signatures(Class<?> type, String name) {
        Set<String> forms = new LinkedHashSet<>();
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
        for (Method m : ClosureForms.class.getMethods()) {
            if (m.getParameterCount() > 0 && m.getParameterTypes()[0] == type) {
                methods.add(m);
            }
        }
        for (Method m : methods) {
            if (!m.getName().equals(name)) {
                continue;
            }
            List<Class<?>> params = new ArrayList<>(Arrays.asList(m.getParameterTypes()));
            if (m.getDeclaringClass() == ClosureForms.class) {
                params.remove(0);
            }
            forms.add(params.stream().map(Diagnostics::typeName).collect(Collectors.joining(", ", "(", ")")));
        }
        return String.join(" or ", forms);
    }

    private static String typeName(Class<?> c) {
        if (c == java.util.Map.class) {
            return "name: value...";
        }
        if (Closure.class.isAssignableFrom(c)) {
            return "{ block }";
        }
        if (c.isArray()) {
            return c.getComponentType().getSimpleName() + "...";
        }
        return c.getSimpleName();
    }

    private static String render(Object[] args) {
        return Arrays.stream(args).map(Diagnostics::render).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String render(Object v) {
        if (v instanceof CharSequence s) {
            return "'" + s + "'";
        }
        if (v instanceof Closure<?>) {
            return "{ block }";
        }
        if (v instanceof Number || v instanceof Boolean || v == null || v instanceof Record) {
            return String.valueOf(v);
        }
        return FormatHelper.toString(v);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
