package org.iclab.dsl;

import groovy.lang.Closure;
import groovy.lang.GroovyInterceptable;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * Runs a block's closure on its Java builder, and remembers on which script line each block of the experiment
 * being declared starts, so that a problem found when the experiment is finally built ({@code train: steps must be
 * > 0}) can be reported at the line of the block that declared it rather than at the end of the experiment.
 */
final class Blocks {
    private static final ThreadLocal<Deque<Declaration>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private Blocks() {
    }

    /** Calls {@code body} with {@code delegate} as its only resolver, so a typo cannot reach anything else. */
    static void call(Closure<?> body, Object delegate) {
        Closure<?> c = body.rehydrate(new Settings(delegate), body.getOwner(), body.getThisObject());
        c.setResolveStrategy(Closure.DELEGATE_ONLY);
        try {
            if (c.getMaximumNumberOfParameters() == 0) {
                c.call();
            } else {
                c.call(delegate);
            }
        } catch (MissingMethodException e) {
            // Groovy names the closure as the type that lacks the method; the block's builder is what lacks it.
            if (e.getType() != c.getClass()) {
                throw e;
            }
            MissingMethodException onBuilder = new MissingMethodException(e.getMethod(), delegate.getClass(), e.getArguments());
            onBuilder.setStackTrace(e.getStackTrace());
            throw onBuilder;
        } catch (MissingPropertyException e) {
            if (e.getType() != c.getClass()) {
                throw e;
            }
            MissingPropertyException onBuilder = new MissingPropertyException(e.getProperty(), delegate.getClass());
            onBuilder.setStackTrace(e.getStackTrace());
            throw onBuilder;
        }
    }

    /**
     * What a block's closure resolves against: its builder's methods and nothing else. Groovy would otherwise read
     * and write a builder's private fields as properties, so a bare {@code steps} silently did nothing and
     * {@code steps = 100} bypassed the builder's method; here a bare name is a missing property (reported as
     * "needs a value") and an assignment calls the setting's method.
     */
    static final class Settings extends GroovyObjectSupport implements GroovyInterceptable {
        private final Object builder;

        Settings(Object builder) {
            this.builder = builder;
        }

        /** The builder's method; where the builder has none of that name, the word ({@link Words}). */
        @Override
        public Object invokeMethod(String name, Object args) {
            try {
                return InvokerHelper.invokeMethod(builder, name, args);
            } catch (MissingMethodException e) {
                if (e.getType() != builder.getClass() || !e.getMethod().equals(name)
                        || Builders.settings(builder.getClass()).contains(name)) {
                    throw e;
                }
                Object made = Words.call(name, InvokerHelper.asArray(args));
                if (made == Words.NOT_A_WORD) {
                    throw e;
                }
                return made;
            }
        }

        @Override
        public Object getProperty(String name) {
            throw new MissingPropertyException(name, builder.getClass());
        }

        @Override
        public void setProperty(String name, Object value) {
            InvokerHelper.invokeMethod(builder, name, new Object[] {value});
        }
    }

    /** Starts recording block lines for one {@code experiment} block of the script class {@code scriptClass}. */
    static Declaration open(String scriptClass, int line) {
        Declaration d = new Declaration(scriptClass);
        d.lines.put("experiment", line);
        OPEN.get().push(d);
        return d;
    }

    /** Records that the block {@code path} ({@code train}, {@code train.curriculum}, ...) starts at the current script line. */
    static void mark(String path) {
        Declaration d = OPEN.get().peek();
        if (d != null) {
            int line = scriptLine(d.scriptClass);
            if (line > 0) {
                d.lines.put(path, line);
            }
        }
    }

    /** The line the script {@code scriptClass} is executing now (its innermost frame), or 0. */
    static int scriptLine(String scriptClass) {
        return firstScriptLine(new Throwable().getStackTrace(), scriptClass);
    }

    /** The line in the script where {@code t} arose: the deepest cause's innermost frame in the script, or 0. */
    static int lineOf(Throwable t, String scriptClass) {
        Deque<Throwable> chain = new ArrayDeque<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.push(c);
        }
        for (Throwable c : chain) {
            int line = firstScriptLine(c.getStackTrace(), scriptClass);
            if (line > 0) {
                return line;
            }
        }
        return 0;
    }

    private static int firstScriptLine(StackTraceElement[] frames, String scriptClass) {
        for (StackTraceElement f : frames) {
            String c = f.getClassName();
            if ((c.equals(scriptClass) || c.startsWith(scriptClass + "$")) && f.getLineNumber() > 0) {
                return f.getLineNumber();
            }
        }
        return 0;
    }

    /** The block lines of one experiment being declared. */
    static final class Declaration implements AutoCloseable {
        final String scriptClass;
        final Map<String, Integer> lines = new HashMap<>();

        private Declaration(String scriptClass) {
            this.scriptClass = scriptClass;
        }

        /** The line of the innermost recorded block that holds {@code path}, else the experiment's line. */
        int lineOf(String path) {
            for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                if (p.indexOf('.') < 0) {
                    return lines.get("experiment");
                }
            }
        }

        @Override
        public void close() {
            OPEN.get().remove(this);
        }
    }
}
