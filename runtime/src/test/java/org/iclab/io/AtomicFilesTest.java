package org.iclab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void replacesContentAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("eval.csv");
        AtomicFiles.write(f, "old\n");
        AtomicFiles.write(f, "new\n");
        assertThat(f).hasContent("new");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void resultsGetTheSamePermissionsAsAnyFileTheProcessCreates(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path plainDir = Files.createDirectory(dir.resolve("plain-dir"));
        Path atomic = dir.resolve("spec.json");
        AtomicFiles.write(atomic, "{}");
        Path filled = AtomicFiles.siblingTempDirectory(dir.resolve("latest"));
        AtomicFiles.replaceDirectory(filled, dir.resolve("latest"), null);
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(dir.resolve("latest"))).isEqualTo(Files.getPosixFilePermissions(plainDir));
    }

    @Test
    void replacingADirectoryKeepsThePreviousOneWhenAsked(@TempDir Path dir) throws Exception {
        Path latest = dir.resolve("latest");
        Path previous = dir.resolve("last-good");
        for (String step : new String[] {"1", "2", "3"}) {
            Path tmp = AtomicFiles.siblingTempDirectory(latest);
            Files.writeString(tmp.resolve("state"), step);
            AtomicFiles.replaceDirectory(tmp, latest, previous);
        }
        assertThat(latest.resolve("state")).hasContent("3");
        assertThat(previous.resolve("state")).hasContent("2");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(latest, previous);
        }
    }
}
