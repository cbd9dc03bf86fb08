package org.iclab.samples.robustness;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iclab.cli.Main;

/**
 * A seeded mutation fuzzer of the command line: it takes the scripts under {@code scripts/}, mutates them (renamed
 * words, broken or extra braces, truncation, deleted and doubled lines, and values of 0, −1, NaN, ±∞, overflowing,
 * of the wrong type) or keeps them and adds a bad {@code --set} (unknown and malformed paths, wrong types, NaN,
 * overflow), and runs {@code iclab check} on each case in this JVM. Every case must end in exit 0, or exit 2 with a
 * message naming the script at its line ({@code file:line:}; only a script that declares no experiment has none) or
 * the {@code --set}, and no stack trace; an invalid script given to {@code iclab run} must also be refused before
 * anything is written or trained. Anything else is a finding.
 *
 * <pre>
 *   bash samples/fuzz.sh 2000            (2000 cases, seed 1)
 *   bash samples/fuzz.sh 2000 7          (seed 7)
 * </pre>
 */
public final class ScriptFuzzer {
    private static final String[] VALUES = {"0", "-1", "NaN", "Double.NaN", "1e400", "-1e400", "1.0/0", "99999999999", "2147483648",
        "-2147483649", "'x'", "''", "true", "null", "[]", "[1, 2]", "0.5", "-0.0", "1e-400", "Integer.MAX_VALUE", "{ -> 1 }"};
    private static final String[] SET_PATHS = {"train.steps", "train.batch", "train.optimizer.lr", "seed", "name", "task.dims",
        "prompt.points", "model.layers", "model.heads", "evaluate.prompts", "evaluate.bootstrap.resamples", "train.curriculum.points.end",
        "train.pool.tasks", "train.onDivergence", "train.nonsense", "nonsense", "task", "train..steps", ".steps", "train.steps.more",
        "evaluate.baselines.0.k", "model.embed", "inputs.scale", "", "="};
    private static final String[] SET_VALUES = {"0", "-1", "NaN", "Infinity", "-Infinity", "1e400", "99999999999", "abc", "", "true",
        "[1,2]", "3.5", "{\"a\":1}", "null", "'x'", "rollback", "2147483648"};
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?([eE]-?\\d+)?(?![\\w.])");
    private static final Pattern WORD = Pattern.compile("\\b[a-z][A-Za-z]{2,}\\b");

    /** One case: what was done, how it ended, and whether it is a finding (and why). */
    public record Case(int index, String mutation, int exitCode, String stderr, String finding) {
    }

    /** What a run of the fuzzer found. */
    public record Summary(int cases, int valid, int cleanErrors, int located, List<Case> findings) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "fuzz: %d cases, %d valid (exit 0), %d clean errors (exit 2; %d of them at a file:line),"
                    + " %d findings", cases, valid, cleanErrors, located, findings.size());
        }
    }

    private final List<Path> scripts;
    private final Path work;
    private final Random random;

    public ScriptFuzzer(Path scriptsRoot, Path work, long seed) throws IOException {
        try (Stream<Path> walk = Files.walk(scriptsRoot)) {
            this.scripts = walk.filter(p -> p.toString().endsWith(".groovy") && !p.toString().contains("/target/")).sorted().toList();
        }
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("no .groovy scripts under " + scriptsRoot);
        }
        this.work = Files.createDirectories(work);
        this.random = new Random(seed);
    }

    /** Runs {@code n} cases. */
    public Summary run(int n) throws Exception {
        int valid = 0;
        int clean = 0;
        int located = 0;
        List<Case> findings = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < n; i++) {
                Case c = one(i, pool);
                if (c.finding() != null) {
                    findings.add(c);
                } else if (c.exitCode() == 0) {
                    valid++;
                } else {
                    clean++;
                    if (Pattern.compile("\\.groovy:\\d+: ").matcher(c.stderr()).find()) {
                        located++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(n, valid, clean, located, List.copyOf(findings));
    }

    private Case one(int index, ExecutorService pool) throws Exception {
        Path source = scripts.get(random.nextInt(scripts.size()));
        String text = Files.readString(source);
        String name = source.getFileName().toString();
        Path file = work.resolve("case-" + index).resolve(name);
        Files.createDirectories(file.getParent());
        List<String> args = new ArrayList<>(List.of("check", file.toString()));
        String mutation;
        if (random.nextInt(4) == 0) {
            String path = SET_PATHS[random.nextInt(SET_PATHS.length)];
            String value = SET_VALUES[random.nextInt(SET_VALUES.length)];
            args.addAll(List.of("--set", path + "=" + value));
            mutation = source + " with --set " + path + "=" + value;
        } else {
            StringBuilder done = new StringBuilder();
            int times = 1 + random.nextInt(3);
            for (int k = 0; k < times; k++) {
                text = mutate(text, done);
            }
            mutation = source + ":" + done;
        }
        Files.writeString(file, text);
        Outcome check = call(pool, args);
        String finding = judge(check, file, args);
        if (finding == null && check.code() == 2) {
            // the same invalid case given to run: refused before anything is written or trained
            Path out = work.resolve("case-" + index).resolve("run-out");
            List<String> run = new ArrayList<>(args);
            run.set(0, "run");
            run.addAll(List.of("--out", out.toString()));
            AtomicBoolean trained = new AtomicBoolean();
            Outcome r = call(pool, run, trained);
            if (r.code() != 2) {
                finding = "check refused it but run exited " + r.code();
            } else if (trained.get()) {
                finding = "run started training an invalid script";
            } else if (Files.exists(out)) {
                finding = "run wrote " + out + " for an invalid script";
            } else {
                finding = judge(r, file, run);
            }
        }
        return new Case(index, mutation, check.code(), check.err(), finding);
    }

    private record Outcome(int code, String err, boolean timedOut, Throwable thrown) {
    }

    private static Outcome call(ExecutorService pool, List<String> args) throws Exception {
        return call(pool, args, new AtomicBoolean());
    }

    private static Outcome call(ExecutorService pool, List<String> args, AtomicBoolean trained) throws Exception {
        StringWriter err = new StringWriter();
        Future<Integer> f = pool.submit(() -> Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false,
                (experiment, options) -> {
                    trained.set(true);
                    throw new IllegalStateException("the fuzzer never trains");
                }, args.toArray(String[]::new)));
        try {
            return new Outcome(f.get(60, TimeUnit.SECONDS), err.toString(), false, null);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Outcome(-1, err.toString(), true, null);
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome(-1, err.toString(), false, e.getCause());
        }
    }

    /** Null when the outcome is exit 0, or exit 2 with a clean message that names the script or the --set. */
    private static String judge(Outcome o, Path file, List<String> args) {
        if (o.timedOut()) {
            return "no answer within 60 s";
        }
        if (o.thrown() != null) {
            return "threw " + o.thrown();
        }
        if (o.code() == 0) {
            return null;
        }
        if (o.code() != 2) {
            return "exit " + o.code();
        }
        String err = o.err();
        if (err.isBlank()) {
            return "exit 2 without a message";
        }
        if (err.contains("\tat ") || err.contains("internal error")) {
            return "a stack trace or an internal error";
        }
        if (err.contains("Exception") && !Pattern.compile(Pattern.quote(file.toString()) + ":\\d+: ").matcher(err).find()) {
            return "an exception's name without the script's line"; // a script's own error (1.0/0) is fine at its line
        }
        boolean set = args.contains("--set");
        if (!err.contains(file.toString()) && !(set && err.contains("--set"))) {
            return "the message names neither the script nor the --set";
        }
        boolean located = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+: ").matcher(err).find();
        if (!set && !located && !err.contains(file + ": declares no experiment")) {
            return "a script error without its line"; // only a script that declares nothing has no line to point at
        }
        return null;
    }

    private String mutate(String text, StringBuilder done) {
        if (text.isEmpty()) {
            done.append(" (empty)");
            return text;
        }
        switch (random.nextInt(8)) {
            case 0 -> { // a value out of range or of the wrong type
                List<int[]> spans = spans(NUMBER, text);
                if (!spans.isEmpty()) {
                    int[] s = spans.get(random.nextInt(spans.size()));
                    String v = VALUES[random.nextInt(VALUES.length)];
                    done.append(" value ").append(text, s[0], s[1]).append("->").append(v);
                    return text.substring(0, s[0]) + v + text.substring(s[1]);
                }
                return text;
            }
            case 1 -> { // a renamed word (typo)
                List<int[]> spans = spans(WORD, text);
                if (spans.isEmpty()) {
                    return text;
                }
                int[] s = spans.get(random.nextInt(spans.size()));
                String word = text.substring(s[0], s[1]);
                int at = 1 + random.nextInt(word.length() - 1);
                String typo = random.nextBoolean() ? word.substring(0, at) + word.substring(at + 1) // a letter dropped
                        : word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at); // one added
                done.append(" word ").append(word).append("->").append(typo);
                return text.substring(0, s[0]) + typo + text.substring(s[1]);
            }
            case 2 -> { // a brace removed
                List<Integer> braces = new ArrayList<>();
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '{' || text.charAt(i) == '}') {
                        braces.add(i);
                    }
                }
                if (braces.isEmpty()) {
                    return text;
                }
                int at = braces.get(random.nextInt(braces.size()));
                done.append(" removed '").append(text.charAt(at)).append("' at ").append(at);
                return text.substring(0, at) + text.substring(at + 1);
            }
            case 3 -> { // an extra brace
                int at = random.nextInt(text.length());
                char brace = random.nextBoolean() ? '{' : '}';
                done.append(" added '").append(brace).append("' at ").append(at);
                return text.substring(0, at) + brace + text.substring(at);
            }
            case 4 -> { // truncated
                int at = random.nextInt(text.length());
                done.append(" truncated at ").append(at);
                return text.substring(0, at);
            }
            case 5 -> { // a line deleted
                List<String> lines = new ArrayList<>(text.lines().toList());
                int at = random.nextInt(lines.size());
                done.append(" deleted line ").append(at + 1);
                lines.remove(at);
                return String.join("\n", lines) + "\n";
            }
            case 6 -> { // a line doubled
                List<String> lines = new ArrayList<>(text.lines().toList());
                int at = random.nextInt(lines.size());
                done.append(" doubled line ").append(at + 1);
                lines.add(at, lines.get(at));
                return String.join("\n", lines) + "\n";
            }
            default -> { // a stray token
                String[] tokens = {"(", ")", ",", ":", "..", "'", "\"", "=", ";;", "steps", "model", "}{", "\\", "%", "$"};
                String token = tokens[random.nextInt(tokens.length)];
                int at = random.nextInt(text.length());
                done.append(" inserted ").append(token).append(" at ").append(at);
                return text.substring(0, at) + token + text.substring(at);
            }
        }
    }

    private static List<int[]> spans(Pattern pattern, String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    /** {@code ScriptFuzzer CASES [SEED] [SCRIPTS_DIR]}: prints the summary and each finding; exit 1 when there are findings. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path scripts = Path.of(args.length > 2 ? args[2] : "scripts");
        Path work = Files.createTempDirectory("iclab-fuzz");
        long start = System.nanoTime();
        Summary s = new ScriptFuzzer(scripts, work, seed).run(n);
        for (Case c : s.findings()) {
            System.out.println("finding " + c.index() + ": " + c.finding() + "\n  " + c.mutation() + "\n  exit " + c.exitCode() + ": "
                    + c.stderr().strip().replace("\n", "\n  "));
        }
        System.out.printf(Locale.ROOT, "%s (seed %d, %.0f s; cases kept in %s)%n", s, seed, (System.nanoTime() - start) / 1e9, work);
        System.exit(s.findings().isEmpty() ? 0 : 1);
    }
}
