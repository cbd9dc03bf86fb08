package org.iclab.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iclab.cli.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine.Command;

/**
 * README.md and every page under docs/: each relative link or image points at a file that exists (and, with an
 * anchor into a Markdown page, at one of its headings), and each command shown ({@code ./iclab ...},
 * {@code bash samples/...}, {@code bash .ci/...}, {@code ./mvnw ...}) names a real subcommand and repository files
 * that exist. A new page is picked up without touching this test; a failure names the page, the line and the link
 * or command.
 */
class DocsTest {
    private static final List<String> COMMAND_STARTS = List.of("./iclab ", "bash samples/", "bash .ci/", "./mvnw ");
    private static final List<String> REPOSITORY_FOLDERS = List.of("scripts/", "samples/", "runtime/", "dsl/", "docs/");
    /** Options whose value is an output the command writes, not a file it reads. */
    private static final Set<String> OUTPUT_OPTIONS = Set.of("--out");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\(\\s*([^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A code span; it may wrap onto the next line but never crosses a blank line. */
    private static final Pattern INLINE_CODE = Pattern.compile("`(?:[^`\\n]|\\n(?![ \\t]*\\n))+`");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** The repository root: the nearest folder upward (Maven runs the tests in scripts/) holding README.md and mvnw. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder with README.md and mvnw at or above " + Path.of("").toAbsolutePath());
    }

    /** README.md, then every Markdown page under docs/. */
    static List<Path> pages() throws IOException {
        Path root = root();
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** The names (and aliases) of {@code iclab}'s subcommands, read from picocli's annotation of {@link Main}. */
    static Set<String> subcommands() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : Main.class.getAnnotation(Command.class).subcommands()) {
            Command command = type.getAnnotation(Command.class);
            names.add(command.name());
            names.addAll(Arrays.asList(command.aliases()));
        }
        return names;
    }

    @Test
    void everyPageIsFound() throws IOException {
        assertThat(pages()).extracting(p -> root().relativize(p).toString().replace('\\', '/'))
                .contains("README.md", "docs/README.md");
    }

    @Test
    void theSubcommandsAreReadFromTheCommandLine() {
        assertThat(subcommands()).contains("run", "resume", "sweep", "check", "probe", "describe", "import", "jshell");
    }

    @Test
    void theReadmesCommandsAreFound() throws IOException {
        assertThat(Page.read(root().resolve("README.md")).commands()).extracting(Located::text)
                .contains("./iclab run scripts/quickstart.groovy", "./mvnw -q verify -Pspark");
    }

    @Test
    void ciRunsTheReadmesTestCommand() throws IOException {
        Path root = root();
        assertThat(Files.readString(root.resolve("README.md"))).as("README.md's test command")
                .contains("`./mvnw -q verify -Pspark`");
        assertThat(Files.readAllLines(root.resolve(".ci/run"))).as(".ci/run runs README.md's test command")
                .contains("./mvnw -q verify -Pspark");
    }

    @TestFactory
    Stream<DynamicTest> everyRelativeLinkPointsAtAFile() throws IOException {
        Path root = root();
        return pages().stream().map(page -> DynamicTest.dynamicTest("links in " + name(root, page), () -> {
            List<String> problems = new ArrayList<>();
            for (Located link : Page.read(page).links()) {
                String target = link.target();
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = decode(hash < 0 ? target : target.substring(0, hash));
                String anchor = hash < 0 ? null : decode(target.substring(hash + 1));
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = name(root, page) + ":" + link.line() + ": " + link.text();
                if (!Files.exists(resolved)) {
                    problems.add(where + " points at " + name(root, resolved) + ", which does not exist");
                } else if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")) {
                    Set<String> anchors = Page.read(resolved).anchors();
                    if (!anchors.contains(anchor)) {
                        problems.add(where + ": " + name(root, resolved) + " has no heading with the anchor #" + anchor
                                + " (its anchors: " + anchors + ")");
                    }
                }
            }
            assertThat(problems).withFailMessage("broken links:%n%s", String.join("\n", problems)).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandShownNamesWhatExists() throws IOException {
        Path root = root();
        Set<String> subcommands = subcommands();
        return pages().stream().map(page -> DynamicTest.dynamicTest("commands in " + name(root, page), () -> {
            List<String> problems = new ArrayList<>();
            for (Located command : Page.read(page).commands()) {
                String where = name(root, page) + ":" + command.line() + ": `" + command.text() + "`";
                List<String> words = words(command.text());
                List<String> arguments = words.subList(1, words.size());
                List<String> files = arguments;
                switch (words.get(0)) {
                    case "./iclab" -> {
                        String subcommand = arguments.stream().filter(w -> !w.startsWith("-")).findFirst().orElse(null);
                        if (subcommand != null && !subcommands.contains(subcommand)) {
                            problems.add(where + ": iclab has no subcommand '" + subcommand + "' (it has " + subcommands + ")");
                        }
                    }
                    case "bash" -> {
                        String script = arguments.isEmpty() ? "" : arguments.get(0);
                        if (script.isEmpty() || !Files.isRegularFile(root.resolve(script))) {
                            problems.add(where + ": the script " + script + " does not exist");
                        }
                        files = arguments.isEmpty() ? arguments : arguments.subList(1, arguments.size());
                    }
                    case "./mvnw" -> {
                        if (!Files.isRegularFile(root.resolve("mvnw"))) {
                            problems.add(where + ": the repository has no mvnw");
                        }
                    }
                    default -> problems.add(where + ": not a command this test knows");
                }
                for (String path : repositoryPaths(files)) {
                    if (!Files.exists(root.resolve(path))) {
                        problems.add(where + ": " + path + " does not exist in the repository");
                    }
                }
            }
            assertThat(problems).withFailMessage("commands that do not match the repository:%n%s", String.join("\n", problems))
                    .isEmpty();
        }));
    }

    /** The command's words, up to a shell comment, without the brackets of optional parts ({@code [--prompts N]}). */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        for (String word : command.trim().split("\\s+")) {
            if (word.startsWith("#")) {
                break;
            }
            word = word.replaceAll("^[\\[(\"']+|[\\])\"']+$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * The arguments that name files of the repository: those under one of its top folders or ending in .groovy or
     * .sh. A name without a folder is a user's file in the current folder, an option's value after --out is an
     * output, and a pattern or placeholder is not a file; all are left out.
     */
    static List<String> repositoryPaths(List<String> arguments) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (OUTPUT_OPTIONS.contains(argument)) {
                i++;
                continue;
            }
            if (argument.startsWith("-") || !argument.contains("/") || argument.contains("*") || argument.contains("<")
                    || argument.contains("=") || argument.contains("$")) {
                continue;
            }
            if (REPOSITORY_FOLDERS.stream().anyMatch(argument::startsWith) || argument.endsWith(".groovy")
                    || argument.endsWith(".sh")) {
                paths.add(argument);
            }
        }
        return paths;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]", "").replace(' ', '-');
    }

    static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A link (its Markdown and target) or a command, with the line it starts on. */
    record Located(int line, String text, String target) {
    }

    /** One Markdown page: its lines, and the same text with fenced code blocks blanked (line numbers kept). */
    record Page(List<String> lines, boolean[] fenced, String prose) {
        static Page read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            boolean[] fenced = new boolean[lines.size()];
            StringBuilder prose = new StringBuilder();
            String fence = null;
            for (int i = 0; i < lines.size(); i++) {
                String trimmed = lines.get(i).strip();
                if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                    fence = trimmed.substring(0, 3);
                    fenced[i] = true;
                } else if (fence != null) {
                    fenced[i] = true;
                    if (trimmed.startsWith(fence) && trimmed.replace(fence.substring(0, 1), "").isEmpty()) {
                        fence = null;
                    }
                }
                prose.append(fenced[i] ? "" : lines.get(i)).append('\n');
            }
            return new Page(lines, fenced, prose.toString());
        }

        int lineAt(String text, int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        /** Links and images outside code. */
        List<Located> links() {
            StringBuilder withoutCode = new StringBuilder(prose);
            Matcher code = INLINE_CODE.matcher(prose);
            while (code.find()) {
                for (int i = code.start(); i < code.end(); i++) {
                    if (withoutCode.charAt(i) != '\n') {
                        withoutCode.setCharAt(i, ' ');
                    }
                }
            }
            String text = withoutCode.toString();
            List<Located> links = new ArrayList<>();
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                links.add(new Located(lineAt(text, link.start()), link.group(), link.group(2)));
            }
            return links;
        }

        /** Commands on lines of code blocks, in code spans, or on lines of their own. */
        List<Located> commands() {
            List<Located> commands = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!isCommand(line)) {
                    continue;
                }
                int first = i;
                while (fenced[i] && line.endsWith("\\") && i + 1 < lines.size() && fenced[i + 1]) {
                    line = line.substring(0, line.length() - 1) + " " + lines.get(++i).strip();
                }
                commands.add(new Located(first + 1, line, null));
            }
            Matcher code = INLINE_CODE.matcher(prose);
            while (code.find()) {
                String span = code.group().substring(1, code.group().length() - 1).replaceAll("\\s+", " ").strip();
                if (isCommand(span)) {
                    commands.add(new Located(lineAt(prose, code.start()), span, null));
                }
            }
            return commands;
        }

        static boolean isCommand(String text) {
            return COMMAND_STARTS.stream().anyMatch(text::startsWith) || text.equals("./mvnw");
        }

        /** The anchors of the page's headings, as GitHub makes them (a repeated one gets -1, -2, ...). */
        Set<String> anchors() {
            Set<String> anchors = new TreeSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher heading = HEADING.matcher(lines.get(i));
                if (fenced[i] || !heading.matches()) {
                    continue;
                }
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            return anchors;
        }
    }
}
