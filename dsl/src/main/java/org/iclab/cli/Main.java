package org.iclab.cli;

import org.iclab.dsl.UserError;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.dsl.ScriptException;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code iclab} command: {@code run}, {@code resume}, {@code sweep}, {@code import}, {@code check}, {@code probe}, {@code describe}, {@code jshell}. Exit codes: 0 success, 2
 * a user error (a bad script, setting or file; reported in one line per error, without a stack trace unless
 * {@code --stacktrace}), 1 an internal failure.
 */
@Command(name = "iclab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "In-context-learning experiments: declare them in a Groovy script, run them here.",
        subcommands = {RunCommand.class, ResumeCommand.class, SweepCommand.class, ReproduceCommand.class, ImportCommand.class, CheckCommand.class, ProbeCommand.class, DescribeCommand.class, JshellCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit code of a user error. */
    public static final int USER_ERROR = 2;
    /** Exit code of an internal failure. */
    public static final int INTERNAL_ERROR = 1;

    /** Trains and evaluates one experiment; {@link Iclab#run(Experiment, RunOptions)} outside tests. */
    @FunctionalInterface
    public interface Runner extends org.iclab.sweep.Runner {
    }

    final PrintWriter out;
    final PrintWriter err;
    final boolean terminal;
    final Runner runner;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean stacktrace;

    private Main(PrintWriter out, PrintWriter err, boolean terminal, Runner runner) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.runner = runner;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(out, err, System.console() != null, Iclab::run, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, boolean terminal, Runner runner, String... args) {
        Main main = new Main(out, err, terminal, runner);
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> main.report(e));
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        err.println("iclab: say what to do: run, resume, sweep, reproduce, check, probe, describe, import or jshell");
        new CommandLine(this).usage(err);
        return USER_ERROR;
    }

    private int report(Exception e) {
        int code;
        if (e instanceof ScriptException || e instanceof UserError) {
            err.println(e.getMessage());
            code = USER_ERROR;
        } else if (e instanceof SpecException || e instanceof org.iclab.io.StorageException
                || e instanceof org.iclab.train.TrainingDivergedException) {
            err.println("iclab: " + e.getMessage());
            code = USER_ERROR;
        } else {
            err.println("iclab: internal error: " + e + (stacktrace ? "" : " (run with --stacktrace for details)"));
            code = INTERNAL_ERROR;
        }
        if (stacktrace) {
            (e.getCause() != null && code == USER_ERROR ? e.getCause() : e).printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"iclab " + Iclab.version()};
        }
    }
}
