package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iclab jshell}: the API is on the class path and imported by the startup file. */
class JshellCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theStartupFileImportsTheApi() throws Exception {
        Path startup = Files.writeString(tmp.resolve("startup.jsh"), JshellCommand.STARTUP);
        Process jshell = new ProcessBuilder(JshellCommand.command(startup)).redirectErrorStream(true).start();
        jshell.getOutputStream().write(String.join("\n",
                "var e = Iclab.experiment(\"from-jshell\").task(linearRegression(3)).prompt(interleaved(5)).model(gpt2(\"tiny\")).build();",
                "System.out.println(\"built \" + e.name() + \" with \" + e.train().steps() + \" steps\");",
                "/exit", "").getBytes(StandardCharsets.UTF_8));
        jshell.getOutputStream().close();
        assertThat(jshell.waitFor(120, TimeUnit.SECONDS)).as("jshell ends").isTrue();
        String output = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("built from-jshell with 1000 steps").doesNotContain("cannot find symbol");
    }
}
