package org.iclab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Makes TensorFlow's native libraries available without any network access.
 *
 * <p>DJL downloads TensorFlow natives unless {@code TENSORFLOW_LIBRARY_PATH} names a folder holding
 * {@code libjnitensorflow.so}. The libraries ship inside {@code org.tensorflow:tensorflow-core-native:linux-x86_64}
 * on the class path; this class extracts them once into a cache folder (atomically: into a temporary sibling,
 * then renamed) and sets the system properties DJL and JavaCPP read, before any of their classes load. It also lets
 * sessions compile with XLA on the CPU and caps malloc's arenas ({@link NativeProcess}).
 */
public final class NativeLibraries {
    /** The TensorFlow Java natives this build is tied to (see the root pom). */
    public static final String NATIVE_VERSION = "1.0.0-rc.1";
    private static final String PLATFORM = "linux-x86_64";
    private static final String RESOURCE_DIR = "org/tensorflow/internal/c_api/" + PLATFORM + "/";
    private static final String JNI_LIBRARY = "libjnitensorflow.so";

    private static volatile Path folder;
    private static volatile boolean xlaOnCpu;

    private NativeLibraries() {
    }

    /** Extracts the natives if needed and configures DJL and JavaCPP to use them; idempotent and thread-safe. */
    public static synchronized Path ensureLoaded() {
        if (folder != null) {
            return folder;
        }
        Path dir = configuredFolder();
        if (dir == null) {
            dir = cacheRoot().resolve("tensorflow-native").resolve(NATIVE_VERSION + "-" + PLATFORM);
            if (!Files.isRegularFile(dir.resolve(JNI_LIBRARY))) {
                extractTo(dir);
            }
        }
        System.setProperty("TENSORFLOW_LIBRARY_PATH", dir.toString());
        // JavaCPP's off-heap accounting would otherwise throttle big graphs and trigger System.gc() storms.
        System.setProperty("org.bytedeco.javacpp.maxBytes", "0");
        System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "TensorFlow");
        xlaOnCpu = NativeProcess.allowXlaOnCpu(); // before the first session reads TensorFlow's flags
        NativeProcess.limitMallocArenas();
        folder = dir;
        return dir;
    }

    /** Whether sessions may compile with XLA on the CPU (see {@link NativeProcess}); known once the natives are loaded. */
    public static boolean xlaOnCpu() {
        ensureLoaded();
        return xlaOnCpu;
    }

    private static Path configuredFolder() {
        String configured = System.getProperty("TENSORFLOW_LIBRARY_PATH", System.getenv("TENSORFLOW_LIBRARY_PATH"));
        if (configured == null || configured.isBlank()) {
            return null;
        }
        Path dir = Path.of(configured);
        if (!Files.isRegularFile(dir.resolve(JNI_LIBRARY))) {
            throw new IllegalStateException("TENSORFLOW_LIBRARY_PATH=" + configured + " holds no " + JNI_LIBRARY);
        }
        return dir;
    }

    /** {@code $ICLAB_CACHE}, else {@code ~/.cache/iclab}. */
    static Path cacheRoot() {
        String env = System.getProperty("iclab.cache", System.getenv("ICLAB_CACHE"));
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "iclab");
    }

    private static void extractTo(Path dir) {
        URL jni = NativeLibraries.class.getClassLoader().getResource(RESOURCE_DIR + JNI_LIBRARY);
        if (jni == null) {
            throw new IllegalStateException("TensorFlow natives not on the class path: add "
                    + "org.tensorflow:tensorflow-core-native:" + NATIVE_VERSION + ":jar:" + PLATFORM);
        }
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
            try {
                JarURLConnection connection = (JarURLConnection) jni.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (entry.isDirectory() || !name.startsWith(RESOURCE_DIR) || name.indexOf('/', RESOURCE_DIR.length()) >= 0) {
                            continue;
                        }
                        try (InputStream in = jar.getInputStream(entry)) {
                            Files.copy(in, tmp.resolve(name.substring(RESOURCE_DIR.length())));
                        }
                    }
                }
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                    if (!Files.isRegularFile(dir.resolve(JNI_LIBRARY))) {
                        throw raced;
                    }
                } catch (IOException e) {
                    // Another process may have won the race and left a non-empty folder there.
                    if (!Files.isRegularFile(dir.resolve(JNI_LIBRARY))) {
                        throw e;
                    }
                }
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract TensorFlow natives into " + dir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The version of the TensorFlow runtime the natives provide, for a run's env.json. */
    public static String tensorflowVersion() {
        ensureLoaded();
        return org.tensorflow.TensorFlow.version();
    }
}
