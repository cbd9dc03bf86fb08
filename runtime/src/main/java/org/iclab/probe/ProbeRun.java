package org.iclab.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import org.iclab.eval.BootstrapInterval;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.Evaluator;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.probe.AlignmentProbe;
import org.iclab.spec.probe.Algorithm;
import org.iclab.spec.probe.AttentionProbe;
import org.iclab.spec.Bootstrap;
import org.iclab.spec.probe.ControlProbe;
import org.iclab.spec.probe.ControlTask;
import org.iclab.spec.Experiment;
import org.iclab.spec.Layers;
import org.iclab.spec.probe.LinearProbe;
import org.iclab.spec.probe.PooledProbe;
import org.iclab.spec.probe.TargetProbe;
import org.iclab.spec.probe.Probe;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.Kind;
import org.iclab.spec.probe.ReadoutProbe;
import org.iclab.spec.Registry;
import org.iclab.spec.SpecException;
import org.iclab.spec.task.Task;
import org.iclab.task.PromptBatch;
import org.iclab.task.Seeds;

/**
 * One probe run: its inputs, what it has computed so far, and the rows it reports. The closed forms (targets,
 * iterates, chosen step sizes) are computed first for every probe; then each registered {@link ProbeKind} runs the
 * plan's probes of its kind, in registration order, through this run's shared work: captures of one layer at a time,
 * ridge fits, read-outs (computed once per layer, for the read-out and alignment probes alike) and the model's own
 * curve.
 */
final class ProbeRun {
    private final CompiledModel model;
    private final Experiment experiment;
    private final ProbePlan plan;
    private final Task task;
    private final PromptBatch fit;
    private final PromptBatch held;
    private final double[][] fitWeights;
    private final double[][] heldWeights;
    private final int points;
    private final int dims;
    private final int hiddenCount;
    private final BootstrapInterval bootstrap;
    private final List<ProbeRow> rows = new ArrayList<>();
    private final List<ProbeResults.LayerScore> layerScores = new ArrayList<>();
    private final List<ProbeResults.Pooling> pooling = new ArrayList<>();
    /** Per layer with a read-out, per k: each held-out prompt's read-out prediction. */
    private final Map<Integer, double[][]> readouts = new HashMap<>();
    private boolean modelCurve;
    private List<ProbeResults.Alignment> alignments = List.of();
    private ProbeResults.AttentionMaps attentionMaps;
    private final int[] permutation;
    private final ClosedForms forms;

    ProbeRun(CompiledModel model, Experiment experiment, ProbePlan plan, ProbePrompts prompts) {
        this.model = model;
        this.experiment = experiment;
        this.plan = plan;
        this.task = experiment.task();
        this.fit = prompts.fit();
        this.held = prompts.heldOut();
        this.fitWeights = prompts.fitWeights();
        this.heldWeights = prompts.heldOutWeights();
        this.points = fit.points();
        this.dims = fit.dims();
        this.hiddenCount = model.hiddenCount();
        Bootstrap b = experiment.evaluate().bootstrap();
        this.bootstrap = new BootstrapInterval(held.batch(), b.resamples(), b.confidence(),
                Seeds.derive(experiment.seed(), Seeds.Stream.PROBE, 3));
        this.permutation = permutation(fit.batch(), Seeds.derive(experiment.seed(), Seeds.Stream.PROBE, 2));
        this.forms = new ClosedForms(plan, fit, held, fitWeights, heldWeights, task);
    }

    ProbeResults run(long start) {
        checkLayers();
        forms.compute();
        for (Registry.Word w : Registry.get().words(Kind.PROBE)) {
            List<Probe> ofKind = plan.probes().stream().filter(w.spec()::isInstance).toList();
            if (!ofKind.isEmpty()) {
                @SuppressWarnings("unchecked")
                ProbeKind<Probe> kind = (ProbeKind<Probe>) w.extension();
                kind.run(ofKind, this);
            }
        }
        return new ProbeResults(plan, points, hiddenCount, rows, layerScores, alignments, forms.steps, attentionMaps,
                pooling, (System.nanoTime() - start) / 1e9);
    }

    /** The model's hidden layers plus the embedded input: what a probe's {@code layers} resolve against. */
    int hiddenCount() {
        return hiddenCount;
    }

    private void checkLayers() {
        for (Probe p : plan.probes()) {
            Layers layers = p.layers();
            if (layers != null && !layers.isAll() && layers.only().get(layers.only().size() - 1) >= hiddenCount) {
                throw new SpecException("probes", "layers", "must be <= the model's layers (" + (hiddenCount - 1)
                        + "; 0 is the embedded input)", layers);
            }
        }
        for (TargetProbe p : plan.targetProbes()) {
            if (p.target().needsWeights() && (fitWeights == null || heldWeights == null)) {
                throw new SpecException("probes", org.iclab.spec.Extension.wordOf(p.getClass()) + ".target",
                        "weights() needs a linear function class", task);
            }
            for (int k : p.position().resolve(points)) {
                if (k >= points) {
                    throw new SpecException("probes", "position", "must be < the probe prompts' points (" + points + ")", p.position());
                }
            }
        }
    }

    // ---- layer by layer ----------------------------------------------------------------------------------------

    private LayerCapture capture(LayerCapture.Source source, int layer, PromptBatch batch) {
        return capture(source, layer, batch, false);
    }

    /**
     * {@code layer}'s states at the prediction token of each k, or with {@code context} at the token just before it
     * (the last one holding the k examples; k = 0 has none and reads token 0, which no probe uses).
     */
    private LayerCapture capture(LayerCapture.Source source, int layer, PromptBatch batch, boolean context) {
        IntUnaryOperator token = context ? k -> Math.max(0, model.predictionToken(k, points) - 1) : k -> model.predictionToken(k, points);
        return LayerCapture.capture(source, layer, batch, model.width(), model.tokens(points), token);
    }

    /** The linear probes that read {@code layer}, those at the prediction token, then those at the context token. */
    void linearAt(int layer) {
        List<LinearProbe> here = plan.linear().stream().filter(p -> p.layers().resolve(hiddenCount).contains(layer)).toList();
        for (boolean context : new boolean[] {false, true}) {
            List<LinearProbe> atToken = here.stream().filter(p -> p.position().context() == context).toList();
            if (!atToken.isEmpty()) {
                linearAt(layer, atToken, context);
            }
        }
    }

    /** Linear probes (and their controls) that read {@code layer} at one token: one ridge fit per k for all their targets. */
    private void linearAt(int layer, List<LinearProbe> here, boolean context) {
        LayerCapture fitStates = capture(model::hidden, layer, fit, context);
        LayerCapture heldStates = capture(model::hidden, layer, held, context);
        TreeSet<Integer> ks = new TreeSet<>();
        here.forEach(p -> ks.addAll(p.position().resolve(points)));
        Map<String, List<double[][]>> predicted = new LinkedHashMap<>();
        Map<String, List<double[][]>> truth = new LinkedHashMap<>();
        Map<String, List<Integer>> summaryKs = new LinkedHashMap<>();
        for (int k : ks) {
            List<LinearProbe> atK = here.stream().filter(p -> p.position().resolve(points).contains(k)).toList();
            List<double[][]> blocks = new ArrayList<>();
            for (LinearProbe p : atK) {
                double[][] t = forms.fitTargets.get(p)[k];
                blocks.add(t);
                for (ControlTask c : controls(p)) {
                    blocks.add(controlTargets(c, t));
                }
            }
            ProbeFit probe = ProbeFit.fit(fitStates.at(k), concat(blocks), plan.penalty());
            double[][] all = probe.predict(heldStates.at(k));
            int column = 0;
            for (LinearProbe p : atK) {
                double[][] truthK = forms.heldTargets.get(p)[k];
                int q = truthK[0].length;
                double[][] main = columns(all, column, q);
                column += q;
                Scores.Scored s = Scores.r2(main, truthK, bootstrap);
                String label = p.label();
                add(predicted, truth, summaryKs, ProbeRow.LINEAR + "\t" + label, main, truthK, k);
                Map<String, Double> controlScores = new LinkedHashMap<>();
                List<ProbeRow> controlRows = new ArrayList<>();
                for (ControlTask c : controls(p)) {
                    double[][] control = columns(all, column, q);
                    column += q;
                    Scores.Scored cs = Scores.r2(control, truthK, bootstrap);
                    controlScores.put(c.word(), cs.score());
                    String controlLabel = label + "/" + c.word();
                    controlRows.add(new ProbeRow(ProbeRow.CONTROL, controlLabel, layer, k, cs.score(), cs.low(), cs.high(),
                            Scores.cosine(control, truthK), null));
                    add(predicted, truth, summaryKs, ProbeRow.CONTROL + "\t" + controlLabel, control, truthK, k);
                }
                rows.add(new ProbeRow(ProbeRow.LINEAR, label, layer, k, s.score(), s.low(), s.high(), Scores.cosine(main, truthK),
                        controlScores));
                rows.addAll(controlRows);
            }
        }
        summarise(layer, predicted, truth, summaryKs);
    }

    /**
     * The pooled probes of {@code probes} that read {@code layer}: one capture of every token of the layer serves them
     * all; for each probe and k, one probe trained on the targets and one on each control's targets, from the same start.
     */
    void pooledAt(int layer, List<PooledProbe> probes) {
        List<PooledProbe> here = probes.stream().filter(p -> p.layers().resolve(hiddenCount).contains(layer)).toList();
        if (here.isEmpty()) {
            return;
        }
        int tokens = model.tokens(points);
        LayerCapture fitStates = LayerCapture.everyToken(model::hidden, layer, fit, model.width(), tokens);
        LayerCapture heldStates = LayerCapture.everyToken(model::hidden, layer, held, model.width(), tokens);
        Map<String, List<double[][]>> predicted = new LinkedHashMap<>();
        Map<String, List<double[][]>> truth = new LinkedHashMap<>();
        Map<String, List<Integer>> summaryKs = new LinkedHashMap<>();
        long base = Seeds.derive(experiment.seed(), Seeds.Stream.PROBE, 4);
        for (PooledProbe p : here) {
            String label = p.label();
            long stream = (p.column() + "\t" + label).hashCode() & 0xFFFFFL; // the probe's own start, whatever else is declared
            for (int k : p.position().resolve(points)) {
                int last = Math.max(0, model.predictionToken(k, points) - (p.position().context() ? 1 : 0));
                double[][][] fitX = fitStates.upTo(last);
                double[][][] heldX = heldStates.upTo(last);
                double[][] truthK = forms.heldTargets.get(p)[k];
                long seed = new SplittableRandom(base + 0x9E3779B97F4A7C15L * ((stream << 40) | ((long) layer << 20) | k)).nextLong();
                PooledFit.Settings settings = new PooledFit.Settings(p.hidden(), p.steps(), p.batch(), p.lr(), seed);
                PooledFit probe = PooledFit.fit(fitX, forms.fitTargets.get(p)[k], settings);
                double[][] main = probe.predict(heldX);
                Scores.Scored s = Scores.r2(main, truthK, bootstrap);
                add(predicted, truth, summaryKs, p.column() + "\t" + label, main, truthK, k);
                pooling.add(new ProbeResults.Pooling(p.column(), label, layer, k, probe.positionWeights()));
                Map<String, Double> controlScores = new LinkedHashMap<>();
                List<ProbeRow> controlRows = new ArrayList<>();
                for (ControlTask c : controls(p)) {
                    double[][] control = PooledFit.fit(fitX, controlTargets(c, forms.fitTargets.get(p)[k]), settings).predict(heldX);
                    Scores.Scored cs = Scores.r2(control, truthK, bootstrap);
                    controlScores.put(c.word(), cs.score());
                    String controlLabel = p.column() + ":" + label + "/" + c.word();
                    controlRows.add(new ProbeRow(ProbeRow.CONTROL, controlLabel, layer, k, cs.score(), cs.low(), cs.high(),
                            Scores.cosine(control, truthK), null));
                    add(predicted, truth, summaryKs, ProbeRow.CONTROL + "\t" + controlLabel, control, truthK, k);
                }
                rows.add(new ProbeRow(p.column(), label, layer, k, s.score(), s.low(), s.high(), Scores.cosine(main, truthK),
                        controlScores));
                rows.addAll(controlRows);
            }
        }
        summarise(layer, predicted, truth, summaryKs);
    }

    /** The layer summaries (R² over the k read, with its interval) of the probes and controls keyed "probe\ttarget". */
    private void summarise(int layer, Map<String, List<double[][]>> predicted, Map<String, List<double[][]>> truth,
                           Map<String, List<Integer>> ks) {
        for (String key : predicted.keySet()) {
            String[] parts = key.split("\t", 2);
            Scores.Scored mean = Scores.meanR2(predicted.get(key), truth.get(key), bootstrap);
            layerScores.add(new ProbeResults.LayerScore(parts[0], parts[1], layer, mean.score(), mean.low(), mean.high(), ks.get(key)));
        }
    }

    private static void add(Map<String, List<double[][]>> predicted, Map<String, List<double[][]>> truth,
                            Map<String, List<Integer>> ks, String key, double[][] p, double[][] t, int k) {
        predicted.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
        truth.computeIfAbsent(key, x -> new ArrayList<>()).add(t);
        ks.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
    }

    private List<ControlTask> controls(TargetProbe p) {
        return plan.all(ControlProbe.class).stream().filter(c -> c.appliesTo(p.target())).map(ControlProbe::task).toList();
    }

    /** The fit targets a control replaces {@code targets} with. */
    private double[][] controlTargets(ControlTask control, double[][] targets) {
        return ProbeControl.of(control).targets(control, targets, permutation);
    }

    /**
     * The read-out at {@code layer}, fitted on first use: least squares (with the plan's relative ridge penalty) from
     * the normed state to y_k, as predictions [k][held-out prompt].
     */
    double[][] readout(int layer) {
        double[][] fitted = readouts.get(layer);
        if (fitted == null) {
            fitted = readoutAt(layer);
            readouts.put(layer, fitted);
        }
        return fitted;
    }

    private double[][] readoutAt(int layer) {
        LayerCapture fitStates = capture(model::normedHidden, layer, fit);
        LayerCapture heldStates = capture(model::normedHidden, layer, held);
        double[][] predictions = new double[points][];
        for (int k = 0; k < points; k++) {
            double[][] y = new double[fit.batch()][1];
            for (int p = 0; p < y.length; p++) {
                y[p][0] = fit.y(p, k);
            }
            double[][] out = ProbeFit.fit(fitStates.at(k), y, plan.penalty()).predict(heldStates.at(k));
            predictions[k] = new double[held.batch()];
            for (int p = 0; p < out.length; p++) {
                predictions[k][p] = out[p][0];
            }
        }
        return predictions;
    }

    /** The read-out rows of {@code probes}, each layer's read-out fitted where it was not yet. */
    void readoutRows(List<ReadoutProbe> probes) {
        for (ReadoutProbe r : probes) {
            for (int layer : r.layers().resolve(hiddenCount)) {
                double[][] pred = readout(layer);
                curveRows(ProbeRow.READOUT, ProbeRow.Y, layer, (p, k) -> pred[k][p], points);
            }
        }
    }

    /** The model's own error on the held-out prompts, to read the read-outs against; added once per run. */
    void modelCurve() {
        if (!modelCurve) {
            modelCurve = true;
            float[] own = modelPredictions();
            curveRows(ProbeRow.MODEL, ProbeRow.Y, null, (p, k) -> own[p * points + k], points);
        }
    }

    private float[] modelPredictions() {
        float[] out = new float[held.batch() * points];
        for (int from = 0; from < held.batch(); from += LayerCapture.CHUNK) {
            int to = Math.min(held.batch(), from + LayerCapture.CHUNK);
            float[] pred = model.predict(held.slice(from, to));
            System.arraycopy(pred, 0, out, from * points, pred.length);
        }
        return out;
    }

    private interface Prediction {
        double at(int prompt, int k);
    }

    /** Rows of mean error per k (as eval.csv reports errors) for predictions of y_k on the held-out prompts. */
    private void curveRows(String probe, String target, Integer layer, Prediction prediction, int scored) {
        double[][] errors = new double[held.batch()][scored];
        for (int p = 0; p < errors.length; p++) {
            for (int k = 0; k < scored; k++) {
                errors[p][k] = Evaluator.error(prediction.at(p, k), held.y(p, k), task);
            }
        }
        ErrorCurve c = bootstrap.curve(probe, target, errors);
        for (int k = 0; k < scored; k++) {
            rows.add(new ProbeRow(probe, target, layer, k, c.error()[k], c.ciLow()[k], c.ciHigh()[k], null, null));
        }
    }

    /** The alignment rows of {@code probes}: each layer's read-out errors against each iterate's, per k; then the iterates' own curves. */
    void alignmentRows(List<AlignmentProbe> probes) {
        for (AlignmentProbe a : probes) {
            double[][][] iterates = forms.iteratePredictions.get(a);
            List<Integer> js = a.with().iterates();
            for (int layer : a.layers().resolve(hiddenCount)) {
                double[][] readout = readout(layer);
                for (int j = 0; j < js.size(); j++) {
                    for (int k = 1; k < points; k++) {
                        double[] layerErrors = new double[held.batch()];
                        double[] iterateErrors = new double[held.batch()];
                        for (int p = 0; p < layerErrors.length; p++) {
                            layerErrors[p] = readout[k][p] - held.y(p, k);
                            iterateErrors[p] = iterates[j][k][p] - held.y(p, k);
                        }
                        rows.add(ProbeRow.of(ProbeRow.ALIGNMENT, a.with().label(js.get(j)), layer, k,
                                Scores.errorSimilarity(layerErrors, iterateErrors, bootstrap)));
                    }
                }
            }
            for (int j = 0; j < js.size(); j++) {
                double[][] pred = iterates[j];
                curveRows(ProbeRow.ITERATE, a.with().label(js.get(j)), null, (p, k) -> pred[k][p], points);
            }
        }
    }

    /** The summary of {@code probes}' alignment rows: mean similarity per layer and iterate, and the best iterate per layer. */
    void alignments(List<AlignmentProbe> probes) {
        List<ProbeResults.Alignment> out = new ArrayList<>();
        for (AlignmentProbe a : probes) {
            Algorithm with = a.with();
            List<Integer> layers = a.layers().resolve(hiddenCount);
            List<Integer> js = with.iterates();
            List<String> labels = js.stream().map(with::label).toList();
            double[][] similarity = new double[layers.size()][js.size()];
            int[][] counted = new int[layers.size()][js.size()];
            int[] best = new int[layers.size()];
            for (ProbeRow r : rows) {
                if (r.probe().equals(ProbeRow.ALIGNMENT) && labels.contains(r.target()) && layers.contains(r.layer())
                        && Double.isFinite(r.score())) {
                    int l = layers.indexOf(r.layer());
                    int j = labels.indexOf(r.target());
                    similarity[l][j] += r.score();
                    counted[l][j]++;
                }
            }
            for (int l = 0; l < layers.size(); l++) {
                for (int j = 0; j < js.size(); j++) {
                    similarity[l][j] = counted[l][j] == 0 ? Double.NaN : similarity[l][j] / counted[l][j];
                }
            }
            for (int l = 0; l < layers.size(); l++) {
                for (int j = 1; j < js.size(); j++) {
                    if (similarity[l][j] > similarity[l][best[l]] || Double.isNaN(similarity[l][best[l]])) {
                        best[l] = j;
                    }
                }
            }
            out.add(new ProbeResults.Alignment(with.word(), layers, js, labels, similarity, best));
        }
        alignments = List.copyOf(out);
    }

    /** The attention maps {@code asked} for: every layer's weights on the first held-out prompts. */
    void attention(List<AttentionProbe> asked) {
        if (asked.isEmpty() || model.attentionLayers() == 0) {
            return;
        }
        PromptBatch first = held.slice(0, asked.get(0).prompts());
        List<float[]> weights = new ArrayList<>();
        for (int l = 0; l < model.attentionLayers(); l++) {
            weights.add(model.attention(l, first));
        }
        attentionMaps = new ProbeResults.AttentionMaps(first.batch(), model.heads(), model.tokens(points), weights);
    }

    private static double[][] concat(List<double[][]> blocks) {
        int n = blocks.get(0).length;
        int width = blocks.stream().mapToInt(b -> b[0].length).sum();
        double[][] out = new double[n][width];
        for (int p = 0; p < n; p++) {
            int c = 0;
            for (double[][] b : blocks) {
                System.arraycopy(b[p], 0, out[p], c, b[p].length);
                c += b[p].length;
            }
        }
        return out;
    }

    private static double[][] columns(double[][] all, int from, int count) {
        double[][] out = new double[all.length][count];
        for (int p = 0; p < all.length; p++) {
            System.arraycopy(all[p], from, out[p], 0, count);
        }
        return out;
    }

    private static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
