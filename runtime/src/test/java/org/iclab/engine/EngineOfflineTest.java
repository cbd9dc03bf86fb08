package org.iclab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineOfflineTest {
    /** Started in a fresh JVM by the test below: the engine as a first-time user gets it. */
    public static void main(String[] args) {
        NativeLibraries.ensureLoaded();
        Engine engine = Engine.getInstance();
        System.out.println("ENGINE " + engine.getEngineName() + " " + engine.getVersion());
    }

    @Test
    void djlStartsTensorFlow2161WithNoNetworkAndNoDownload(@TempDir Path djlCache) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Every HTTP(S) request of the child goes to a closed port: a download attempt would fail the start.
        Process child = new ProcessBuilder(List.of(java.toString(),
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9", "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
                "-DDJL_CACHE_DIR=" + djlCache, "-DENGINE_CACHE_DIR=" + djlCache,
                "-cp", System.getProperty("java.class.path"), EngineOfflineTest.class.getName()))
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("ENGINE TensorFlow 2.16.1");
        try (var files = Files.walk(djlCache)) {
            assertThat(files.filter(Files::isRegularFile)).as("nothing downloaded into DJL's cache").isEmpty();
        }
    }

    @Test
    void nativesComeFromTheMavenJarIntoOneCacheFolder() throws Exception {
        Path dir = NativeLibraries.ensureLoaded();
        assertThat(dir.resolve("libjnitensorflow.so")).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("libtensorflow_cc.so.2", "libtensorflow_framework.so.2");
        }
        assertThat(System.getProperty("TENSORFLOW_LIBRARY_PATH")).isEqualTo(dir.toString());
        assertThat(NativeLibraries.ensureLoaded()).isSameAs(dir);
    }
}
