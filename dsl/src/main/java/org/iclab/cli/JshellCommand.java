package org.iclab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code iclab jshell}: jshell with iclab on the class path and its API imported. */
@Command(name = "jshell", mixinStandardHelpOptions = true, description = "Start jshell with iclab on the class path and the API imported: var r = experiment(\"x\")...run()")
final class JshellCommand implements Callable<Integer> {
    /** What every session starts with: the facade's words, the spec types, and a hint. */
    static final String STARTUP = String.join("\n",
            "import java.nio.file.*;",
            "import org.iclab.*;",
            "import org.iclab.spec.*;",
            "import org.iclab.spec.task.*;",
            "import org.iclab.spec.inputs.*;",
            "import org.iclab.spec.prompt.*;",
            "import org.iclab.spec.model.*;",
            "import org.iclab.spec.optimizer.*;",
            "import org.iclab.spec.baseline.*;",
            "import org.iclab.spec.strategy.*;",
            "import org.iclab.spec.probe.*;",
            "import org.iclab.spec.score.*;",
            "import org.iclab.spec.measure.*;",
            "import static org.iclab.Iclab.*;",
            "System.out.println(\"iclab \" + Iclab.version() + \": try  var r = experiment(\\\"lr\\\").task(linearRegression(5)).prompt(interleaved(11))"
                    + ".model(gpt2(\\\"tiny\\\")).train(t -> t.steps(200)).run();\");",
            "");

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path startup = Files.createTempFile("iclab-jshell", ".jsh");
        try {
            Files.writeString(startup, STARTUP);
            Process jshell = new ProcessBuilder(command(startup)).inheritIO().start();
            return jshell.waitFor();
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** The jshell command line: this JVM's class path, the default startup plus iclab's. */
    static List<String> command(Path startup) {
        Path home = Path.of(System.getProperty("java.home"), "bin", "jshell");
        String jshell = Files.isExecutable(home) ? home.toString() : "jshell";
        return List.of(jshell, "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", startup.toString());
    }
}
