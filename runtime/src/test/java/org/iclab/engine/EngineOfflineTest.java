package org.iclab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class EngineOfflineTest {
    @Test
    void djlStartsTensorFlow2161FromTheClassPathNatives() throws Exception {
        var dir = NativeLibraries.ensureLoaded();
        assertThat(dir.resolve("libjnitensorflow.so")).isRegularFile();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).contains("libtensorflow_cc.so.2");
        Engine engine = Engine.getEngine("TensorFlow");
        assertThat(engine.getEngineName()).isEqualTo("TensorFlow");
        assertThat(engine.getVersion()).isEqualTo("2.16.1");
        // DJL would have downloaded into its own cache had it not used our folder.
        assertThat(System.getProperty("TENSORFLOW_LIBRARY_PATH")).isEqualTo(dir.toString());
    }
}
