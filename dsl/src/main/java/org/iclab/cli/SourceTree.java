package org.iclab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The source tree a reproduction is made from, as git in the working directory tells it. */
final class SourceTree {
    private SourceTree() {
    }

    /**
     * The commit checked out in the git work tree that holds {@code dir}, and whether it has changes (tracked files
     * changed, or files git does not ignore added): {@code {commit, "true"|"false"}}, or {@code {"unknown", null}}
     * outside a git work tree or without git.
     */
    static String[] commit(java.nio.file.Path dir) {
        String head = git(dir, "rev-parse", "--short=12", "HEAD");
        if (head == null || head.isBlank()) {
            return new String[] {"unknown", null};
        }
        String status = git(dir, "status", "--porcelain");
        return new String[] {head.strip(), status == null ? null : String.valueOf(!status.isBlank())};
    }

    private static String git(java.nio.file.Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return text;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
