package org.iclab.cli;

import org.iclab.dsl.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iclab.dsl.ExperimentScripts;
import org.iclab.dsl.ScriptException;
import org.iclab.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code iclab import garg CONFIG.yaml [--out script.groovy]}: other codebases' configurations as iclab scripts. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Turn another codebase's configuration into an iclab script.",
        subcommands = ImportCommand.Garg.class)
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        throw new UserError("iclab import: say which format: garg (Garg et al.'s quinine YAML, as in their src/conf/*.yaml)");
    }

    @Command(name = "garg", mixinStandardHelpOptions = true,
            description = "Garg et al.'s training configuration (quinine YAML with inherit:) as an iclab script; the script is checked before it is written.")
    static final class Garg implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "A configuration such as their conf/linear_regression.yaml.")
        Path config;

        @Option(names = "--out", paramLabel = "SCRIPT", description = "Write the script here (default: print it).")
        Path out;

        @Option(names = "--name", paramLabel = "NAME", description = "The experiment's name (default: the file's name, with dashes).")
        String name;

        @Override
        public Integer call() {
            Main main = parent.main;
            if (!Files.isRegularFile(config)) {
                throw new UserError("iclab import garg: CONFIG.yaml must be a file, was " + config);
            }
            GargImport.Result result = GargImport.convert(config, name != null ? name : GargImport.defaultName(config));
            String source = out != null ? out.toString() : config + " (imported)";
            try { // the script must be one iclab runs: its settings are checked as any script's are
                ExperimentScripts.evaluate(result.script(), source);
            } catch (ScriptException e) {
                throw new UserError("iclab import garg: " + config + " maps to settings iclab refuses:\n" + e.getMessage());
            }
            for (String note : result.notes()) {
                main.err.println("note: " + note);
            }
            if (out == null) {
                main.out.print(result.script());
            } else {
                if (Files.exists(out)) {
                    throw new UserError("iclab import garg: --out " + out + " exists; iclab does not overwrite a script");
                }
                try {
                    AtomicFiles.write(out, result.script());
                } catch (IOException e) {
                    throw new UserError("iclab import garg: cannot write " + out + " (" + e.getMessage() + ")");
                }
                main.out.println("wrote " + out + " from " + config + "; check it with ./iclab check " + out);
            }
            main.out.flush();
            main.err.flush();
            return 0;
        }
    }
}
