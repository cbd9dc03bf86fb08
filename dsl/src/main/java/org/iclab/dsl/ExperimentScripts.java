package org.iclab.dsl;

import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.RunResult;

/**
 * Compiles and runs experiment scripts with the production configuration: {@link ExperimentScript} as the base
 * class (whose words come from the registry, {@link Words}) and the spec package imported, so a script needs no
 * imports. Running a script only declares experiments
 * (nothing is trained); every failure comes back as a located {@link ScriptException}.
 */
public final class ExperimentScripts {
    private ExperimentScripts() {
    }

    /** The compiler configuration every script is compiled with. */
    public static CompilerConfiguration configuration() {
        CompilerConfiguration c = new CompilerConfiguration();
        c.setScriptBaseClass(ExperimentScript.class.getName());
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStarImports("org.iclab.spec", "org.iclab.spec.task", "org.iclab.spec.inputs", "org.iclab.spec.prompt", "org.iclab.spec.model",
                "org.iclab.spec.optimizer", "org.iclab.spec.baseline", "org.iclab.spec.strategy", "org.iclab.spec.probe", "org.iclab.spec.measure",
                "org.iclab.spec.score");
        imports.addImports(Iclab.class.getName(), RunOptions.class.getName(), RunResult.class.getName());
        c.addCompilationCustomizers(imports);
        return c;
    }

    /** Runs the script {@code file} and returns the experiments it declares, in order. */
    public static List<DeclaredExperiment> evaluate(Path file) {
        return load(file).experiments();
    }

    /** Runs the script text {@code text}, reporting errors against {@code source} (its file name). */
    public static List<DeclaredExperiment> evaluate(String text, String source) {
        return load(text, source).experiments();
    }

    /**
     * What a script declares: its experiments, its claims (each checked against the experiments) and what its claims
     * blocks say differs from the paper.
     */
    public record Declarations(List<DeclaredExperiment> experiments, List<org.iclab.claim.Claim> claims, List<String> scale,
                               List<org.iclab.claim.FigurePlan> figures) {
    }

    /** Runs the script {@code file} and returns what it declares. */
    public static Declarations load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScriptException(List.of(new Diagnostic(file.toString(), 0, "no such file")), e);
        } catch (IOException e) {
            throw new ScriptException(List.of(new Diagnostic(file.toString(), 0, "cannot read: " + e.getMessage())), e);
        }
        return load(text, file.toString());
    }

    /** Runs the script text {@code text} and returns what it declares, reporting errors against {@code source}. */
    public static Declarations load(String text, String source) {
        String name = className(Path.of(source).getFileName().toString());
        try (GroovyClassLoader loader = new GroovyClassLoader(ExperimentScripts.class.getClassLoader(), configuration())) {
            Class<?> type;
            try {
                type = loader.parseClass(new GroovyCodeSource(text, name, "/groovy/script"), false);
            } catch (MultipleCompilationErrorsException e) {
                throw Diagnostics.compileErrors(e, text, source);
            }
            ExperimentScript script = (ExperimentScript) InvokerHelper.createScript(type, new Binding());
            script.source(source);
            try {
                script.run();
                script.checkClaims();
            } catch (Exception | StackOverflowError e) { // Groovy code may throw checked exceptions undeclared
                ScriptException located = Diagnostics.translate(e, script, source);
                if (located != null) {
                    throw located;
                }
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            SweepAxes sweep = script.sweepAxes();
            return new Declarations(script.declared().stream().map(d -> new DeclaredExperiment(d.experiment(), d.source(), d.line(), sweep)).toList(),
                    script.claims(), script.scale(), script.figures());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The name a script's class is compiled under: its file name where the name without {@code .groovy} is a Java
     * name; otherwise (a keyword such as {@code boolean.groovy}, which Groovy's bytecode would take for a type, a
     * leading digit, a dash, a space) {@code script_} and the name with every character that cannot be part of a
     * Java name replaced by {@code _}. Errors cite the file by the name the user gave it, not by this one.
     */
    static String className(String fileName) {
        String stem = fileName.endsWith(".groovy") ? fileName.substring(0, fileName.length() - ".groovy".length()) : fileName;
        if (javax.lang.model.SourceVersion.isName(stem)) {
            return fileName;
        }
        StringBuilder safe = new StringBuilder("script_");
        stem.codePoints().forEach(c -> safe.appendCodePoint(Character.isJavaIdentifierPart(c) ? c : '_'));
        return safe + ".groovy";
    }
}
