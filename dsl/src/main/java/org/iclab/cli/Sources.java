package org.iclab.cli;

import org.iclab.dsl.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.dsl.DeclaredExperiment;
import org.iclab.dsl.Diagnostic;
import org.iclab.dsl.ExperimentScripts;
import org.iclab.dsl.ScriptException;
import org.iclab.io.Json;
import org.iclab.spec.SpecException;

/** Reads what the command line names: Groovy scripts, or spec.json files of earlier runs (data, not code). */
final class Sources {
    private Sources() {
    }

    /** Every experiment the files declare, in order; all files are read, and every error of every file is reported. */
    static List<DeclaredExperiment> load(List<Path> files) {
        return each(files, Sources::load);
    }

    /** What {@code loader} reads from every file, in order; every file is read, and every error of every file is reported. */
    static <T> List<T> each(List<Path> files, java.util.function.Function<Path, List<T>> loader) {
        List<T> all = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        ScriptException first = null;
        for (Path file : files) {
            try {
                all.addAll(loader.apply(file));
            } catch (ScriptException e) {
                errors.addAll(e.diagnostics());
                first = first == null ? e : first;
            }
        }
        if (!errors.isEmpty()) {
            throw errors.size() == first.diagnostics().size() ? first : new ScriptException(errors, first);
        }
        return all;
    }

    static List<DeclaredExperiment> load(Path file) {
        if (!file.getFileName().toString().endsWith(".json")) {
            List<DeclaredExperiment> declared = ExperimentScripts.evaluate(file);
            if (declared.isEmpty()) {
                throw new ScriptException(List.of(new Diagnostic(file.toString(), 0, "declares no experiment")), null);
            }
            return declared;
        }
        if (!Files.isRegularFile(file)) {
            throw new ScriptException(List.of(new Diagnostic(file.toString(), 0, "no such file")), null);
        }
        try {
            return List.of(new DeclaredExperiment(Json.readExperiment(file), file.toString(), 0));
        } catch (SpecException e) {
            throw new ScriptException(e.problems().stream().map(p -> new Diagnostic(file.toString(), 0, p.message())).toList(), e);
        }
    }

    /**
     * The experiment a run directory recorded (its spec.json), for {@code command}s that continue or read a run; a
     * folder without one is a user error naming the command.
     */
    static org.iclab.spec.Experiment recordedRun(String command, Path run) {
        Path spec = run.resolve(org.iclab.report.RunDirectory.SPEC);
        if (!Files.isRegularFile(spec)) {
            throw new UserError("iclab " + command + ": RUN_DIR must be a run directory holding " + spec.getFileName() + ", was " + run);
        }
        return Json.readExperiment(spec);
    }
}
