package org.iclab.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown page of a reproduction, rendered from its {@code reproduction.json} alone: the same file always gives
 * the same page, so a committed page can be checked against its committed file and no number on it is typed.
 */
public final class Page {
    /** The file name of a folder's page. */
    public static final String FILE = "README.md";

    private Page() {
    }

    /** The page of {@code r}. */
    public static String render(Reproduction r) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(r.title()).append("\n\n");
        md.append("<!-- Rendered by ./iclab reproduce from ").append(Reproduction.FILE)
                .append(": edit the scripts and run it again rather than this page. -->\n\n");
        md.append("Scripts: ").append(String.join(", ", r.scripts().stream().map(s -> "[" + s + "](" + s + ")").toList())).append(".\n\n");
        boolean run = r.provenance() != null;
        if (run) {
            md.append("Made with `").append(r.command()).append("`: every experiment at ").append(r.seeds().size() == 1
                    ? "its own seed" : "its own seed and the " + (r.seeds().size() - 1) + " after it").append(" (seed offsets ")
                    .append(String.join(", ", r.seeds().stream().map(String::valueOf).toList())).append("; the runs below give each seed).\n\n");
        } else {
            md.append("**Not yet run over seeds.** The claims below are declared in the scripts and checked by `./iclab check` "
                    + "(the experiments, learners, strategies and k they read exist); no run has tested them yet. "
                    + "`./iclab reproduce` runs them and renders this page again.\n\n");
        }
        Map<Verdict, Long> tally = r.tally();
        md.append("## Claims\n\n");
        if (run) {
            md.append(tally.get(Verdict.HOLDS)).append(" of ").append(r.claims().size()).append(" hold at every seed, ")
                    .append(tally.get(Verdict.MIXED)).append(" at some, ").append(tally.get(Verdict.FAILS)).append(" at none")
                    .append(tally.get(Verdict.NOT_RUN) > 0 ? ", " + tally.get(Verdict.NOT_RUN) + " not run" : "").append(".\n\n");
        }
        boolean several = r.scripts().size() > 1;
        md.append(several ? "| Script " : "").append("| Claim | The paper | Must be | Ours: mean [90% interval] | Per seed | Verdict |\n");
        md.append(several ? "|---" : "").append("|---|---|---|---|---|---|\n");
        for (Outcome o : r.claims()) {
            if (several) {
                md.append("| ").append(o.location() == null ? "" : scriptOf(o.location())).append(' ');
            }
            md.append("| ").append(cell(o.claim())).append(" | ").append(cell(o.paper() == null ? "" : o.paper()))
                    .append(" | ").append(cell(o.bound() == null ? "true" : o.bound()))
                    .append(" | ").append(ours(o)).append(" | ").append(perSeed(o)).append(" | ").append(verdict(o.verdict())).append(" |\n");
        }
        md.append('\n');
        List<String> errors = new ArrayList<>();
        for (Outcome o : r.claims()) {
            for (int i = 0; i < o.seeds().size(); i++) {
                if (o.errors().get(i) != null) {
                    errors.add("- " + o.claim() + ", seed offset " + o.seeds().get(i) + ": " + o.errors().get(i));
                }
            }
        }
        if (!errors.isEmpty()) {
            md.append("Readings that failed:\n\n").append(String.join("\n", errors)).append("\n\n");
        }
        if (!r.figures().isEmpty()) {
            md.append("## Figures\n\n");
            for (Reproduction.Figure f : r.figures()) {
                md.append(f.error() == null ? "![" + f.title() + "](" + f.file() + ")\n\n" : "- " + f.title() + ": not drawn (" + f.error() + ")\n\n");
            }
        }
        if (!r.scale().isEmpty()) {
            md.append("## How this differs from the paper\n\n");
            r.scale().forEach(s -> md.append("- ").append(s).append('\n'));
            md.append('\n');
        }
        if (run) {
            Provenance p = r.provenance();
            md.append("## Provenance\n\n");
            md.append("Commit `").append(p.commit()).append('`').append(p.dirty() == null ? "" : p.dirty() ? " (with uncommitted changes)" : "")
                    .append(", ").append(p.cpu()).append(", ").append(p.threads()).append(" TensorFlow thread").append(p.threads() == 1 ? "" : "s")
                    .append(", Java ").append(p.java()).append(", TensorFlow ").append(p.tensorflow()).append(", finished ").append(p.date())
                    .append(" after ").append(duration(p.wallSeconds())).append(". Results of one seed are identical on one machine and differ "
                            + "across CPUs at float rounding.\n\n");
            md.append("| Experiment | Seed | Point | Status | Wall time | Commit | CPU |\n|---|---|---|---|---|---|---|\n");
            for (Reproduction.Run run1 : r.runs()) {
                Provenance q = run1.provenance();
                md.append("| ").append(run1.experiment()).append(" | ").append(run1.seed()).append(" | ")
                        .append(cell(run1.point().isEmpty() ? "" : String.join(", ", run1.point().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())))
                        .append(" | ").append(run1.status()).append(run1.error() == null ? "" : ": " + cell(run1.error()))
                        .append(" | ").append(q == null ? "" : duration(q.wallSeconds()))
                        .append(" | ").append(q == null ? "" : "`" + q.commit() + "`" + (Boolean.TRUE.equals(q.dirty()) ? " (changed)" : ""))
                        .append(" | ").append(q == null ? "" : cell(q.cpu())).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Where a README's table of reproductions starts and ends. */
    public static final String TABLE_START = "<!-- reproductions: rendered by ./iclab reproduce from the reproduction.json files under scripts/ -->";
    public static final String TABLE_END = "<!-- /reproductions -->";

    /**
     * The table of reproductions a README shows: one row a page (its link → its reproduction), with its claims by
     * verdict, its seeds and when it was made.
     */
    public static String table(java.util.SortedMap<String, Reproduction> pages) {
        StringBuilder md = new StringBuilder(TABLE_START).append("\n\n");
        md.append("| Reproduction | Claims | Hold | Mixed | Fail | Not run | Seeds | Claims read at (each run's own commit is on its page) |\n|---|---|---|---|---|---|---|---|\n");
        for (var e : pages.entrySet()) {
            Reproduction r = e.getValue();
            Map<Verdict, Long> t = r.tally();
            md.append("| [").append(r.title()).append("](").append(e.getKey()).append(") | ").append(r.claims().size())
                    .append(" | ").append(t.get(Verdict.HOLDS)).append(" | ").append(t.get(Verdict.MIXED)).append(" | ").append(t.get(Verdict.FAILS))
                    .append(" | ").append(t.get(Verdict.NOT_RUN)).append(" | ").append(r.provenance() == null ? "" : String.valueOf(r.seeds().size()))
                    .append(" | ").append(r.provenance() == null ? "not yet run" : "`" + r.provenance().commit() + "`, " + cell(r.provenance().cpu()))
                    .append(" |\n");
        }
        md.append('\n').append(byPaper(pages));
        return md.append('\n').append(TABLE_END).toString();
    }

    /** The paper a claim cites: its {@code paper} text up to the first year ({@code Akyürek et al. 2023}, {@code Reddy 2023}). */
    static String paperOf(Outcome o) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.+?(?:19|20)\\d\\d)").matcher(o.paper() == null ? "" : o.paper());
        return m.find() ? m.group(1) : null;
    }

    /**
     * The same claims by the paper each cites, over the pages in a paper's folder ({@code scripts/<paper>/...}; the
     * quickstart and other top-level pages aside), in the order the papers first appear.
     */
    private static String byPaper(java.util.SortedMap<String, Reproduction> pages) {
        Map<String, Map<Verdict, Long>> papers = new java.util.LinkedHashMap<>();
        for (var e : pages.entrySet()) {
            if (e.getKey().chars().filter(c -> c == '/').count() < 2) {
                continue;
            }
            for (Outcome o : e.getValue().claims()) {
                String paper = paperOf(o);
                if (paper != null) {
                    papers.computeIfAbsent(paper, x -> new java.util.EnumMap<>(Verdict.class)).merge(o.verdict(), 1L, Long::sum);
                }
            }
        }
        StringBuilder md = new StringBuilder("By paper (the paper each claim cites, over the pages in the papers' folders):\n\n");
        md.append("| Paper | Claims | Hold | Mixed | Fail | Not run | Every claim holds |\n|---|---|---|---|---|---|---|\n");
        for (var e : papers.entrySet()) {
            Map<Verdict, Long> t = e.getValue();
            long claims = t.values().stream().mapToLong(Long::longValue).sum();
            long holds = t.getOrDefault(Verdict.HOLDS, 0L);
            md.append("| ").append(cell(e.getKey())).append(" | ").append(claims).append(" | ").append(holds)
                    .append(" | ").append(t.getOrDefault(Verdict.MIXED, 0L)).append(" | ").append(t.getOrDefault(Verdict.FAILS, 0L))
                    .append(" | ").append(t.getOrDefault(Verdict.NOT_RUN, 0L)).append(" | ").append(holds == claims ? "yes" : "no")
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The page a reproduction.json renders to: a folder's README.md beside {@code reproduction.json}, {@code NAME.md} beside {@code NAME.reproduction.json}. */
    public static java.nio.file.Path pageOf(java.nio.file.Path json) {
        String name = json.getFileName().toString();
        return name.equals(Reproduction.FILE) ? json.resolveSibling(FILE)
                : json.resolveSibling(name.substring(0, name.length() - Reproduction.FILE.length() - 1) + ".md");
    }

    /** Every reproduction.json under {@code root}'s scripts folder (build output aside), by its page's path relative to {@code root}. */
    public static java.util.SortedMap<String, Reproduction> committed(java.nio.file.Path root) throws java.io.IOException {
        java.util.SortedMap<String, Reproduction> pages = new java.util.TreeMap<>();
        java.nio.file.Path scripts = root.resolve("scripts");
        if (!java.nio.file.Files.isDirectory(scripts)) {
            return pages;
        }
        try (var files = java.nio.file.Files.walk(scripts)) {
            for (java.nio.file.Path json : files.filter(f -> f.getFileName().toString().endsWith(Reproduction.FILE))
                    .filter(f -> !scripts.relativize(f).toString().contains("target")).toList()) {
                pages.put(root.relativize(pageOf(json)).toString().replace('\\', '/'), Reproduction.read(json));
            }
        }
        return pages;
    }

    /** {@code text} with its table of reproductions replaced by {@code table}; unchanged where it has none. */
    public static String withTable(String text, String table) {
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        if (start < 0 || end < start) {
            return text;
        }
        return text.substring(0, start) + table + text.substring(end + TABLE_END.length());
    }

    /** The script's file name in a claim's location ({@code scripts/x/a.groovy:12} → {@code a.groovy}). */
    private static String scriptOf(String location) {
        String file = location.contains(":") ? location.substring(0, location.lastIndexOf(':')) : location;
        return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    }

    private static String ours(Outcome o) {
        if (o.mean() == null) {
            return "";
        }
        return number(o.mean()) + (o.low() == null ? "" : " [" + number(o.low()) + ", " + number(o.high()) + "]");
    }

    private static String perSeed(Outcome o) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < o.seeds().size(); i++) {
            Double v = o.values().get(i);
            String reading = o.errors().get(i) != null ? "error" : v != null ? number(v) : String.valueOf(o.holds().get(i));
            parts.add(reading + (o.holds().get(i) ? " ✓" : " ✗"));
        }
        return String.join(", ", parts);
    }

    private static String verdict(Verdict v) {
        return v == Verdict.NOT_RUN ? "not run" : "**" + v.word() + "**";
    }

    /** Four significant digits, as the pages show every number. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
