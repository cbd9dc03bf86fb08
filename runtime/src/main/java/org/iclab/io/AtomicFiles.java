package org.iclab.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Write-then-rename for files and whole folders, so readers see either the old content or the new, never half; and
 * what must survive a power loss is forced to the disk (the file's data before the rename that publishes it, the
 * folder after the rename), as a rename alone may reach the disk before the data it names.
 * <p>
 * Every step that changes the disk first passes {@link Fault#before}: tests install a {@link Fault} that throws at
 * the n-th step, which stands in for a kill or a full disk at that moment.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A hook before each step of the file layer that changes the disk; for fault-injection tests. */
    @FunctionalInterface
    public interface Fault {
        /** Called before {@code step} ({@code "write", "force", "move", "delete", "mkdir"}) on {@code path}. */
        void before(String step, Path path) throws IOException;
    }

    private static volatile Fault fault;

    private AtomicFiles() {
    }

    /** Installs {@code f} (null: none) for this JVM; returns the one it replaces. Tests only. */
    public static Fault injectFaults(Fault f) {
        Fault old = fault;
        fault = f;
        return old;
    }

    static void step(String step, Path path) throws IOException {
        Fault f = fault;
        if (f != null) {
            f.before(step, path);
        }
    }

    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: it makes owner-only (0600) files, and the rename would carry that onto results
        // other people need to read. A fresh name with CREATE_NEW gets the process's umask like any other file.
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            step("write", tmp);
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                var buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                step("force", tmp);
                out.force(true);
            }
            move(tmp, file);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A fresh temporary folder beside {@code target}, to fill and then {@link #replaceDirectory} into place. */
    public static Path siblingTempDirectory(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        step("mkdir", tmp);
        return Files.createDirectory(tmp);
    }

    /** The temporary folders and files {@link #siblingTempDirectory} and {@link #write} left beside {@code target} (a killed write). */
    public static List<Path> leftovers(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /**
     * Puts the filled folder {@code source} at {@code target}; an existing {@code target} is first moved to
     * {@code previous} (replacing what was there) when given, else deleted. Everything in {@code source} is forced
     * to the disk first. Between the two renames {@code target} is briefly absent while {@code previous} holds its
     * old content: a reader that finds no {@code target} takes {@code previous} (see {@code Checkpoints}).
     */
    public static void replaceDirectory(Path source, Path target, Path previous) throws IOException {
        forceTree(source);
        if (Files.exists(target)) {
            if (previous != null) {
                Path trash = Files.exists(previous) ? moveAside(previous) : null;
                move(target, previous);
                if (trash != null) {
                    deleteTree(trash);
                }
            } else {
                deleteTree(moveAside(target));
            }
        }
        move(source, target);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /** Renames {@code path} to a fresh hidden name beside it, to be deleted there; returns that name. */
    private static Path moveAside(Path path) throws IOException {
        Path trash = siblingTempDirectory(path);
        step("delete", trash);
        Files.delete(trash); // only its fresh name is wanted: the rename needs the name free
        move(path, trash);
        return trash;
    }

    private static void move(Path from, Path to) throws IOException {
        step("move", from);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces every file under {@code root}, then every folder, to the disk. */
    public static void forceTree(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (Files.isRegularFile(p)) {
                step("force", p);
                try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
            } else if (Files.isDirectory(p)) {
                forceDirectory(p);
            }
        }
    }

    /** Forces a folder's entries (renames into it, new files) to the disk, where the file system allows it. */
    static void forceDirectory(Path dir) throws IOException {
        step("force", dir);
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // some file systems (and other platforms) cannot open a folder for force; the data files were forced
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                step("delete", p);
                Files.deleteIfExists(p);
            }
        }
    }
}
