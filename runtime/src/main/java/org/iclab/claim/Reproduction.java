package org.iclab.claim;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iclab.io.Json;

/**
 * What {@code ./iclab reproduce} made of a script or a folder of scripts, as {@code reproduction.json} records it
 * and its page renders it: the command, the provenance of the reproduction, every run with its own provenance, and
 * every claim's outcome over seeds.
 *
 * @param title      the page's title (the folder's or the script's name)
 * @param scripts    the scripts, relative to the page
 * @param command    the command that made it
 * @param seeds      the seed offsets each experiment ran at (0: its own seed; i: its seed + i; each run names its seed)
 * @param scale      what differs from the paper's setting, as the scripts say it (none declared: empty)
 * @param provenance the reproduction's own (null where its claims have not been run)
 * @param runs       every run, in order
 * @param claims     every claim's outcome, in declaration order
 * @param figures    the figures the scripts declare, as drawn (none where not run)
 */
public record Reproduction(String title, List<String> scripts, String command, List<Long> seeds, List<String> scale,
                           Provenance provenance, List<Run> runs, List<Outcome> claims, List<Figure> figures) {
    public Reproduction {
        figures = figures == null ? List.of() : List.copyOf(figures); // reproduction.json written before figures had none
    }

    /** A reproduction without figures. */
    public Reproduction(String title, List<String> scripts, String command, List<Long> seeds, List<String> scale,
                        Provenance provenance, List<Run> runs, List<Outcome> claims) {
        this(title, scripts, command, seeds, scale, provenance, runs, claims, List.of());
    }

    /**
     * A drawn figure.
     *
     * @param title its title
     * @param file  the PNG, relative to the page
     * @param error why it could not be drawn, or null
     */
    public record Figure(String title, String file, String error) {
    }

    /** The file name. */
    public static final String FILE = "reproduction.json";

    /**
     * One run of one experiment at one seed (and sweep point).
     *
     * @param experiment the experiment's name
     * @param seed       its seed
     * @param point      its sweep point (path → value), seeds excluded; empty for a single run
     * @param status     {@code done}, {@code skipped} (already done), {@code failed}
     * @param error      why it failed, or null
     * @param provenance how it was made, or null where unknown
     */
    public record Run(String experiment, long seed, Map<String, String> point, String status, String error, Provenance provenance) {
    }

    /** Counts of the claims by verdict. */
    public Map<Verdict, Long> tally() {
        Map<Verdict, Long> counts = new java.util.EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, claims.stream().filter(c -> c.verdict() == v).count());
        }
        return counts;
    }

    /** Writes it to {@code file} atomically. */
    public void write(Path file) {
        Json.writeFile(file, this);
    }

    /** Reads a reproduction.json. */
    public static Reproduction read(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), Reproduction.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
