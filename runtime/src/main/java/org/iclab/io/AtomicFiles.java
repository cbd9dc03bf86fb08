package org.iclab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;

/** Write-then-rename for files and whole folders, so readers see either the old content or the new, never half. */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private AtomicFiles() {
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
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A fresh temporary folder beside {@code target}, to fill and then {@link #replaceDirectory} into place. */
    public static Path siblingTempDirectory(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createDirectory(dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp"));
    }

    /**
     * Puts the filled folder {@code source} at {@code target}; an existing {@code target} is first moved to
     * {@code previous} (replacing what was there) when given, else deleted.
     */
    public static void replaceDirectory(Path source, Path target, Path previous) throws IOException {
        if (Files.exists(target)) {
            if (previous != null) {
                Path trash = null;
                if (Files.exists(previous)) {
                    trash = siblingTempDirectory(previous);
                    Files.delete(trash);
                    move(previous, trash);
                }
                move(target, previous);
                if (trash != null) {
                    deleteTree(trash);
                }
            } else {
                Path trash = siblingTempDirectory(target);
                Files.delete(trash);
                move(target, trash);
                deleteTree(trash);
            }
        }
        move(source, target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
