package org.iclab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iclab.claim.Claim;
import org.iclab.claim.Outcome;
import org.iclab.claim.Page;
import org.iclab.claim.Provenance;
import org.iclab.claim.Reproduction;
import org.iclab.claim.RunFiles;
import org.iclab.claim.Verdict;
import org.iclab.dsl.DeclaredExperiment;
import org.iclab.dsl.Diagnostic;
import org.iclab.dsl.ExperimentScripts;
import org.iclab.dsl.ScriptException;
import org.iclab.dsl.SweepAxes;
import org.iclab.dsl.UserError;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.sweep.Overrides;
import org.iclab.sweep.Sweep;
import org.iclab.sweep.Parallelism;
import org.iclab.sweep.SweepBackend;
import org.iclab.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iclab reproduce PATH [--seeds N] [--parallel P] [--on spark] [--out DIR]}: runs every experiment of a
 * script, or of every script in a folder, at N seeds (each experiment's own seed and the N − 1 after it) on the sweep
 * machinery (resumable: finished runs are skipped, killed ones resumed), then reads every claim at each seed and over
 * seeds, writes {@code reproduction.json} with the provenance of every run, and renders the page. Exit 0 when every
 * claim holds at every seed, 1 when one does not (or a run failed), 2 on bad input.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run a script's (or a folder's) experiments over seeds, check their claims, and render the reproduction's page.")
final class ReproduceCommand implements Callable<Integer> {
    /** The file each run's provenance is kept in, beside its run files. */
    static final String PROVENANCE = "provenance.json";
    /** What {@code --smoke} changes: a handful of steps and a tiny evaluation. */
    static final List<String> SMOKE = List.of("train.steps=4", "evaluate.prompts=8", "train.logEvery=2", "train.checkpointEvery=2");

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PATH", description = "A script, or a folder whose scripts are reproduced together (one page).")
    Path path;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per experiment (default 3): its own seed and the N - 1 after it.")
    int seeds = 3;

    @Option(names = "--parallel", paramLabel = "P", description = "Runs at once, over all the experiments (default: as many as threads, one thread each, or all of them "
            + "where the last round would be at most half full, at most " + Parallelism.RUNS_PER_THREAD + " a thread; with --threads 1, one); "
            + "the threads are split between them.")
    Integer parallel;

    @Option(names = "--threads", paramLabel = "N", description = "TensorFlow threads in all (default: the available processors).")
    Integer threads;

    @Option(names = "--on", paramLabel = "BACKEND", description = "Where the runs run: local (default) or spark.")
    String on = "local";

    @Option(names = "--out", paramLabel = "DIR", description = "Where the runs go (default runs/reproduce/<name>).")
    Path out;

    @Option(names = "--smoke", description = "The whole path at toy scale: 4 steps, 1 seed, 8 prompts; checks that every claim reads and the "
            + "page renders, not the verdicts; writes nothing beside the scripts.")
    boolean smoke;

    @Option(names = "--declared", description = "Run nothing: render the page of the declared claims, marked as not yet run over seeds.")
    boolean declared;

    /** One script: where it is, what it declares. */
    private record Script(Path file, ExperimentScripts.Declarations declarations) {
        String stem() {
            String name = file.getFileName().toString();
            return name.substring(0, name.length() - ".groovy".length());
        }
    }

    /**
     * One experiment's runs: its script, its sweep points at each seed offset, and the experiment of this reproduction
     * whose runs its own start from ({@code train.from} naming it), which run first; null for none.
     */
    private record Plan(Script script, DeclaredExperiment declared, List<Sweep.Point> points, Path dir, Plan after) {
    }

    @Override
    public Integer call() throws IOException {
        if (seeds < 1) {
            throw new UserError("reproduce: --seeds must be >= 1, was " + seeds);
        }
        Parallelism.check("reproduce", parallel, threads); // before anything loads
        if (smoke && declared) {
            throw new UserError("reproduce: --smoke runs at toy scale and --declared runs nothing: give one of them");
        }
        int n = smoke ? 1 : seeds;
        List<Script> scripts = load(scriptsOf(path));
        String title = title(path);
        Path pageDir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        List<String> names = scripts.stream().map(s -> pageDir.toAbsolutePath().relativize(s.file().toAbsolutePath()).toString()).toList();
        List<String> scale = scripts.stream().flatMap(s -> s.declarations().scale().stream()).toList();
        if (declared) {
            List<Outcome> outcomes = new ArrayList<>();
            scripts.forEach(s -> s.declarations().claims().forEach(c -> outcomes.add(Outcome.of(c, List.of(), List.of()))));
            Reproduction r = new Reproduction(title, names, null, List.of(), scale, null, List.of(), outcomes);
            write(r, pageDir, Files.isDirectory(path) ? null : stemOf(path));
            main.out.println("page: " + pagePath(pageDir, Files.isDirectory(path) ? null : stemOf(path)) + " (" + outcomes.size() + " claims, not run)");
            return 0;
        }
        Path dir = out != null ? out : Path.of("runs", smoke ? "reproduce-smoke" : "reproduce", title);
        List<Long> offsets = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            offsets.add(i);
        }
        List<Plan> plans = plan(scripts, dir, n);
        String[] source = SourceTree.commit(scripts.get(0).file().toAbsolutePath().getParent());
        long started = System.nanoTime();
        List<Reproduction.Run> runs = runAll(plans, source);
        java.util.Set<Path> finished = finished(plans, runs);
        double wall = (System.nanoTime() - started) / 1e9;
        int total = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Map<Script, List<RunFiles>> bySeed = new LinkedHashMap<>(); // one reader a script and seed: each file is read once
        for (Script s : scripts) {
            List<Plan> own = plans.stream().filter(p -> p.script() == s).toList();
            bySeed.put(s, offsets.stream().map(offset -> results(own, offset, finished)).toList());
        }
        List<Outcome> outcomes = readClaims(bySeed, offsets);
        List<Reproduction.Figure> figures = drawFigures(bySeed, (smoke ? dir : pageDir).resolve("figures"));
        String command = "./iclab reproduce " + path + " --seeds " + n + (smoke ? " --smoke" : "");
        Provenance provenance = Provenance.here(source[0], source[1] == null ? null : Boolean.valueOf(source[1]), total, wall);
        Reproduction r = new Reproduction(title, names, command, offsets, scale, provenance, runs, outcomes, figures);
        r.write(dir.resolve(Reproduction.FILE));
        org.iclab.io.AtomicFiles.write(dir.resolve(Page.FILE), Page.render(r));
        if (!smoke) {
            write(r, pageDir, Files.isDirectory(path) ? null : stemOf(path));
        }
        report(r, dir, smoke ? dir.resolve(Page.FILE) : pagePath(pageDir, Files.isDirectory(path) ? null : stemOf(path)));
        boolean runFailed = runs.stream().anyMatch(x -> x.status().equals("failed"));
        if (smoke) {
            boolean unread = outcomes.stream().anyMatch(o -> o.errors().stream().anyMatch(java.util.Objects::nonNull));
            return runFailed || unread ? Main.INTERNAL_ERROR : 0;
        }
        return !runFailed && outcomes.stream().allMatch(o -> o.verdict() == Verdict.HOLDS) ? 0 : Main.INTERNAL_ERROR;
    }

    /** The run directories that finished (done now or before): a failed point's folder may hold another experiment's run. */
    private static java.util.Set<Path> finished(List<Plan> plans, List<Reproduction.Run> runs) {
        java.util.Set<Path> finished = new java.util.HashSet<>();
        for (Plan plan : plans) {
            for (Reproduction.Run run : runs) {
                if (run.experiment().equals(plan.declared().experiment().name()) && !run.status().equals("failed")) {
                    Map<String, String> values = new LinkedHashMap<>(run.point());
                    values.put("seed", String.valueOf(run.seed()));
                    finished.add(plan.dir().resolve(Sweep.name(values)));
                }
            }
        }
        return finished;
    }

    /** Every claim of every script, read at each seed offset and weighed over them. */
    private static List<Outcome> readClaims(Map<Script, List<RunFiles>> bySeed, List<Long> offsets) {
        List<Outcome> outcomes = new ArrayList<>();
        bySeed.forEach((s, seeds) -> s.declarations().claims().forEach(claim ->
                outcomes.add(Outcome.of(claim, offsets, seeds.stream().map(claim::read).toList()))));
        return outcomes;
    }

    /** Every figure the scripts declare, drawn over the seeds into {@code figureDir} (a figure that fails is recorded, not fatal). */
    private List<Reproduction.Figure> drawFigures(Map<Script, List<RunFiles>> bySeed, Path figureDir) throws IOException {
        List<Reproduction.Figure> figures = new ArrayList<>();
        for (var entry : bySeed.entrySet()) {
            Script s = entry.getKey();
            if (Files.isDirectory(figureDir)) { // a script's figures from an earlier reproduction that declared more
                try (var old = Files.list(figureDir)) {
                    for (Path f : old.filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(s.stem()) + "-\\d+\\.png")).toList()) {
                        Files.delete(f);
                    }
                }
            }
            int i = 0;
            for (org.iclab.claim.FigurePlan plan : s.declarations().figures()) {
                String file = "figures/" + s.stem() + "-" + ++i + ".png";
                try {
                    Files.createDirectories(figureDir);
                    org.iclab.claim.Figures.draw(plan, entry.getValue(), figureDir.resolve(s.stem() + "-" + i + ".png"));
                    figures.add(new Reproduction.Figure(plan.title(), file, null));
                } catch (IOException | RuntimeException e) { // a figure that cannot be drawn must not cost the claims their page
                    figures.add(new Reproduction.Figure(plan.title(), file, e.getMessage()));
                    main.err.println("figure " + plan.title() + " (" + plan.location() + "): not drawn: " + e.getMessage());
                }
            }
        }
        return figures;
    }

    /** A reproduction's title: its path below the nearest folder named scripts ({@code garg2022/small}), else its name. */
    static String title(Path path) {
        Path p = path.toAbsolutePath().normalize();
        String name = p.getFileName().toString().replaceAll("\\.groovy$", "");
        List<String> parts = new ArrayList<>(List.of(name));
        for (Path up = p.getParent(); up != null && up.getFileName() != null; up = up.getParent()) {
            if (up.getFileName().toString().equals("scripts")) {
                return String.join("/", parts);
            }
            parts.add(0, up.getFileName().toString());
        }
        return name;
    }

    /** The scripts PATH names: itself, or a folder's {@code *.groovy} files in name order. */
    static List<Path> scriptsOf(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> scripts;
            try (var list = Files.list(path)) {
                scripts = list.filter(p -> p.getFileName().toString().endsWith(".groovy") && Files.isRegularFile(p)).sorted().toList();
            }
            if (scripts.isEmpty()) {
                throw new UserError("reproduce: " + path + " holds no .groovy script");
            }
            return scripts;
        }
        if (!Files.isRegularFile(path)) {
            throw new UserError("reproduce: no such script or folder: " + path);
        }
        if (!path.getFileName().toString().endsWith(".groovy")) {
            throw new UserError("reproduce: " + path + " is no .groovy script (reproduce reads scripts, whose claims say what to check)");
        }
        return List.of(path);
    }

    /** Every script loaded and checked (claims included); every error of every script reported together. */
    private static List<Script> load(List<Path> files) {
        List<Script> scripts = Sources.each(files, file -> {
            ExperimentScripts.Declarations d = ExperimentScripts.load(file);
            if (d.experiments().isEmpty()) {
                throw new ScriptException(List.of(new Diagnostic(file.toString(), 0, "declares no experiment")), null);
            }
            return List.of(new Script(file, d));
        });
        Set<String> seen = new HashSet<>();
        for (Script s : scripts) {
            for (DeclaredExperiment d : s.declarations().experiments()) {
                if (!seen.add(s.stem() + "/" + d.experiment().name())) {
                    throw new UserError(d.location() + ": experiment " + d.experiment().name() + " is declared twice in " + s.file());
                }
            }
        }
        return scripts;
    }

    /** Every experiment's points: its script's sweep and the seeds (its own and the n − 1 after it), checked before anything runs. */
    private List<Plan> plan(List<Script> scripts, Path dir, int n) {
        Overrides overrides = new Overrides(smoke ? SMOKE : List.of());
        List<Plan> plans = new ArrayList<>();
        for (Script s : scripts) {
            for (DeclaredExperiment d : s.declarations().experiments()) {
                Experiment base = overrides.apply(d.experiment());
                List<String> seedValues = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    seedValues.add(String.valueOf(base.seed() + i));
                }
                if (d.sweep().axes().stream().anyMatch(a -> a.path().equals("seed"))) {
                    throw new UserError(d.location() + ": reproduce sets the seeds itself (--seeds); drop the sweep's seed axis to reproduce "
                            + d.experiment().name());
                }
                SweepAxes axes = d.sweep().and(new SweepAxes(List.of(new SweepAxes.Axis("seed", seedValues)), List.of()));
                try {
                    plans.add(new Plan(s, d, Sweep.expand(base, axes), dir.resolve(s.stem()).resolve(d.experiment().name()), null));
                } catch (UserError e) {
                    throw new UserError(d.location() + ": " + e.getMessage(), e);
                }
            }
        }
        List<Plan> linked = new ArrayList<>();
        for (Plan plan : plans) {
            linked.add(startingFrom(plan, plans));
        }
        return linked;
    }

    /**
     * A plan whose {@code train.from} names another experiment of this reproduction ({@code from 'runs/NAME'} or
     * {@code from 'NAME'}): each of its runs starts from that experiment's run at the same seed offset (Guo et al.'s
     * pasting at every seed), which runs first. Any other {@code from} is a run directory, left as it is.
     */
    private static Plan startingFrom(Plan plan, List<Plan> plans) {
        String from = plan.declared().experiment().train().from();
        if (from == null) {
            return plan;
        }
        String named = Path.of(from).getFileName().toString();
        Plan source = plans.stream().filter(p -> p != plan && p.declared().experiment().name().equals(named)).findFirst().orElse(null);
        if (source == null) {
            return plan;
        }
        if (!source.declared().sweep().axes().isEmpty()) {
            throw new UserError(plan.declared().location() + ": train.from names " + named + ", which sweeps "
                    + source.declared().sweep().axes().stream().map(SweepAxes.Axis::path).toList()
                    + "; reproduce can start each run from that experiment's run at the same seed only where it sweeps nothing");
        }
        if (source.declared().experiment().train().from() != null && plans.stream().anyMatch(p -> p != source
                && p.declared().experiment().name().equals(Path.of(source.declared().experiment().train().from()).getFileName().toString()))) {
            throw new UserError(plan.declared().location() + ": train.from names " + named + ", which starts from another experiment "
                    + "of this reproduction itself; reproduce runs one such step, not a chain");
        }
        long base = Long.parseLong(plan.points().get(0).values().get("seed"));
        for (Sweep.Point p : plan.points()) {
            base = Math.min(base, Long.parseLong(p.values().get("seed")));
        }
        List<Sweep.Point> points = new ArrayList<>();
        for (Sweep.Point p : plan.points()) {
            int offset = (int) (Long.parseLong(p.values().get("seed")) - base);
            // absolute, so that the same runs are found again whether --out was given relative or absolute
            Path start = source.dir().resolve(source.points().get(offset).name()).toAbsolutePath().normalize();
            Experiment e = new Overrides(List.of("train.from=" + start)).apply(p.experiment());
            points.add(new Sweep.Point(p.values(), p.name(), e));
        }
        return new Plan(plan.script(), plan.declared(), points, plan.dir(), source);
    }

    /**
     * Runs every plan (skipping finished runs) on one pool, so that the runs of all experiments share the parallel
     * slots, printing the progress line; returns every run with its provenance, in plan order.
     */
    private List<Reproduction.Run> runAll(List<Plan> plans, String[] source) {
        Map<Plan, List<Reproduction.Run>> byPlan = new java.util.HashMap<>();
        byPlan.putAll(runWave(plans.stream().filter(p -> p.after() == null).toList(), source));
        List<Plan> then = plans.stream().filter(p -> p.after() != null).toList(); // after the runs they start from
        if (!then.isEmpty()) {
            byPlan.putAll(runWave(then, source));
        }
        List<Reproduction.Run> runs = new ArrayList<>();
        plans.forEach(p -> runs.addAll(byPlan.get(p)));
        return runs;
    }

    /** Runs {@code plans} on one pool; their runs by plan. */
    private Map<Plan, List<Reproduction.Run>> runWave(List<Plan> plans, String[] source) {
        Parallelism at = Parallelism.of("reproduce", parallel, threads, plans.stream().mapToInt(p -> SweepRunner.pending(p.dir(), p.points())).sum(),
                Runtime.getRuntime().availableProcessors());
        Progress progress = new Progress(plans.stream().mapToInt(p -> p.points().size()).sum());
        main.out.println("reproduce: " + progress.total + " runs of " + plans.size() + " experiment" + (plans.size() == 1 ? "" : "s") + ", "
                + at.describe() + ", on " + on);
        SweepBackend.Session session = "local".equals(on) ? null : SweepBackend.named(on).open(at.runs(), at.threadsEach(), main.out);
        ExecutorService pool = Executors.newFixedThreadPool(at.runs());
        ExecutorService sweeps = Executors.newFixedThreadPool(Math.max(1, plans.size()));
        try {
            List<Future<List<SweepRunner.State>>> states = new ArrayList<>();
            for (Plan plan : plans) {
                String name = plan.declared().experiment().name();
                Set<String> recorded = ConcurrentHashMap.newKeySet();
                SweepRunner runner = new SweepRunner(plan.dir(), name, plan.declared().sweep(), plan.points(),
                        session == null ? main.runner : session.runner(), main.out, at.runs(), at.threadsEach(), null, false)
                        .onChange(now -> {
                            for (SweepRunner.State s : now) {
                                if (s.status() == SweepRunner.Status.DONE && recorded.add(s.point().name())) {
                                    Path runDir = plan.dir().resolve(s.point().name());
                                    try { // a record of the run, not a condition of it: a failed write is reported
                                        Json.writeFile(runDir.resolve(PROVENANCE), Provenance.ofRun(runDir, source[0],
                                                source[1] == null ? null : Boolean.valueOf(source[1]), s.seconds()));
                                    } catch (RuntimeException e) {
                                        main.err.println("reproduce: could not write " + runDir.resolve(PROVENANCE) + ": " + e.getMessage());
                                    }
                                }
                            }
                            progress.update(name, now);
                        });
                states.add(sweeps.submit(() -> runner.run(pool)));
            }
            Map<Plan, List<Reproduction.Run>> runs = new java.util.HashMap<>();
            for (int i = 0; i < plans.size(); i++) {
                runs.put(plans.get(i), runsOf(plans.get(i), states.get(i).get()));
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("reproduce: interrupted; run the same command again to resume");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            sweeps.shutdownNow();
            pool.shutdownNow();
            try { // the runs still going stop at their next check; the session closes after them
                pool.awaitTermination(1, TimeUnit.MINUTES);
                sweeps.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (session != null) {
                session.close();
            }
        }
    }

    /** One experiment's runs as the reproduction records them, reporting the failed ones. */
    private List<Reproduction.Run> runsOf(Plan plan, List<SweepRunner.State> states) {
        List<Reproduction.Run> runs = new ArrayList<>();
        for (SweepRunner.State s : states) {
            Map<String, String> point = new LinkedHashMap<>(s.point().values());
            long seed = Long.parseLong(point.remove("seed"));
            Path runDir = plan.dir().resolve(s.point().name());
            Provenance p = Files.isRegularFile(runDir.resolve(PROVENANCE)) ? readProvenance(runDir.resolve(PROVENANCE)) : null;
            String status = switch (s.status()) {
                case DONE -> "done";
                case SKIPPED -> "skipped";
                default -> "failed";
            };
            runs.add(new Reproduction.Run(plan.declared().experiment().name(), seed, point, status, s.error(), p));
            if (s.status() == SweepRunner.Status.FAILED) {
                main.err.println("failed: " + runDir + ": " + s.error());
            }
        }
        return runs;
    }

    private static Provenance readProvenance(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), Provenance.class);
        } catch (IOException e) {
            return null; // a run's provenance is a record of it, not a condition of reading its results
        }
    }

    /** The results of one seed offset: each experiment of the script at its seed, by sweep point (only runs that finished). */
    private static RunFiles results(List<Plan> plans, long offset, java.util.Set<Path> finished) {
        Map<String, Experiment> experiments = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> axes = new LinkedHashMap<>();
        Map<String, Map<Map<String, String>, Path>> runs = new LinkedHashMap<>();
        for (Plan plan : plans) {
            String name = plan.declared().experiment().name();
            experiments.put(name, plan.declared().experiment());
            Map<String, List<String>> swept = new LinkedHashMap<>();
            plan.declared().sweep().axes().forEach(a -> swept.put(a.path(), a.values()));
            if (!swept.isEmpty()) {
                axes.put(name, swept);
            }
            long seed = Long.parseLong(plan.points().get(0).values().get("seed")) + offset;
            Map<Map<String, String>, Path> dirs = new LinkedHashMap<>();
            for (Sweep.Point p : plan.points()) {
                Map<String, String> point = new LinkedHashMap<>(p.values());
                if (Long.parseLong(point.remove("seed")) == seed && finished.contains(plan.dir().resolve(p.name()))) {
                    dirs.put(point, plan.dir().resolve(p.name()));
                }
            }
            runs.put(name, dirs);
        }
        return new RunFiles(experiments, axes, runs);
    }

    private static String stemOf(Path script) {
        return script.getFileName().toString().replaceAll("\\.groovy$", "");
    }

    private static Path pagePath(Path pageDir, String stem) {
        return stem == null ? pageDir.resolve(Page.FILE) : pageDir.resolve(stem + ".md");
    }

    /**
     * Writes reproduction.json and the page beside the scripts (a folder's README.md, or a script's NAME.md), and
     * renders the table of reproductions again in the README above them that has one.
     */
    private void write(Reproduction r, Path pageDir, String stem) throws IOException {
        r.write(stem == null ? pageDir.resolve(Reproduction.FILE) : pageDir.resolve(stem + "." + Reproduction.FILE));
        org.iclab.io.AtomicFiles.write(pagePath(pageDir, stem), Page.render(r));
        for (Path up = pageDir.toAbsolutePath().normalize(); up != null; up = up.getParent()) {
            Path readme = up.resolve("README.md");
            if (Files.isRegularFile(readme) && Files.readString(readme).contains(Page.TABLE_START)) {
                String text = Files.readString(readme);
                org.iclab.io.AtomicFiles.write(readme, Page.withTable(text, Page.table(Page.committed(up))));
                main.out.println("table: " + readme);
                break;
            }
        }
    }

    private void report(Reproduction r, Path dir, Path page) {
        main.out.println();
        for (Outcome o : r.claims()) {
            main.out.printf(Locale.ROOT, "%-6s  %s%s%n", o.verdict().word(), o.claim(),
                    o.mean() == null ? "" : "  (mean " + String.format(Locale.ROOT, "%.4g", o.mean()) + (o.bound() == null ? "" : ", must be " + o.bound()) + ")");
        }
        Map<Verdict, Long> tally = r.tally();
        main.out.printf(Locale.ROOT, "%d claims: %d hold, %d mixed, %d fail, over %d seed%s%n", r.claims().size(), tally.get(Verdict.HOLDS),
                tally.get(Verdict.MIXED), tally.get(Verdict.FAILS), r.seeds().size(), r.seeds().size() == 1 ? "" : "s");
        main.out.println("reproduction: " + dir.resolve(Reproduction.FILE));
        main.out.println("page: " + page);
        main.out.flush();
    }

    /** The progress line: runs done, running and left over the whole reproduction, and an ETA from the runs finished so far. */
    private final class Progress {
        private final int total;
        private final Map<String, List<SweepRunner.State>> byExperiment = new LinkedHashMap<>();
        private final long start = System.nanoTime();

        Progress(int total) {
            this.total = total;
        }

        synchronized void update(String experiment, List<SweepRunner.State> states) {
            byExperiment.put(experiment, states);
            int done = 0;
            int running = 0;
            int ranHere = 0;
            for (List<SweepRunner.State> list : byExperiment.values()) {
                for (SweepRunner.State s : list) {
                    switch (s.status()) {
                        case DONE -> {
                            done++;
                            ranHere++;
                        }
                        case SKIPPED, FAILED -> done++;
                        case RUNNING -> running++;
                        default -> { }
                    }
                }
            }
            int left = total - done - running;
            String eta = "";
            if (ranHere > 0 && left + running > 0) {
                double perRun = (System.nanoTime() - start) / 1e9 / ranHere;
                long seconds = Math.round(perRun * (left + running)); // perRun is elapsed / runs done: parallel runs are in it
                eta = ", ETA " + (seconds >= 3600 ? seconds / 3600 + " h " + seconds % 3600 / 60 + " min"
                        : seconds >= 60 ? TimeUnit.SECONDS.toMinutes(seconds) + " min" : seconds + " s");
            }
            main.out.printf(Locale.ROOT, "reproduce: %d of %d runs done, %d running, %d left%s%n", done, total, running, left, eta);
            main.out.flush();
        }
    }
}
