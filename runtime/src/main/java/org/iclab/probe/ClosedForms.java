package org.iclab.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclab.spec.probe.AlignmentProbe;
import org.iclab.spec.probe.Algorithm;
import org.iclab.spec.probe.TargetProbe;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.probe.Target;
import org.iclab.task.PromptBatch;

/**
 * What a probe run computes before it reads the model, position by position: each linear and pooled probe's targets on the fit
 * and held-out prompts ({@link ProbeTarget}), each alignment's iterate predictions on the held-out prompts
 * ({@link ProbeAlgorithm}), and the step sizes chosen where a step size is 'best'. Each prompt's context spectrum is
 * decomposed once per position, and only where an estimate needs it.
 */
final class ClosedForms {
    private final ProbePlan plan;
    private final PromptBatch fit;
    private final PromptBatch held;
    private final double[][] fitWeights;
    private final double[][] heldWeights;
    private final int points;
    private final int dims;
    private final org.iclab.spec.task.Task task;
    /** Per linear or pooled probe, per k: the fit and held-out targets (prompts × q). */
    final Map<TargetProbe, double[][][]> fitTargets = new LinkedHashMap<>();
    final Map<TargetProbe, double[][][]> heldTargets = new LinkedHashMap<>();
    /** Per alignment probe, per iterate, per k: each held-out prompt's prediction of y_k. */
    final Map<AlignmentProbe, double[][][]> iteratePredictions = new LinkedHashMap<>();
    final List<ProbeResults.ChosenStep> steps = new ArrayList<>();

    ClosedForms(ProbePlan plan, PromptBatch fit, PromptBatch held, double[][] fitWeights, double[][] heldWeights, org.iclab.spec.task.Task task) {
        this.task = task;
        this.plan = plan;
        this.fit = fit;
        this.held = held;
        this.fitWeights = fitWeights;
        this.heldWeights = heldWeights;
        this.points = fit.points();
        this.dims = fit.dims();
    }

    /** Computes every closed form the plan needs, position by position. */
    void compute() {
        int maxBestSteps = 0;
        for (TargetProbe p : plan.targetProbes()) {
            maxBestSteps = Math.max(maxBestSteps, ProbeTarget.of(p.target()).bestSteps(p.target()));
            fitTargets.put(p, new double[points][][]);
            heldTargets.put(p, new double[points][][]);
        }
        for (AlignmentProbe a : plan.all(AlignmentProbe.class)) {
            maxBestSteps = Math.max(maxBestSteps, ProbeAlgorithm.of(a.with()).bestSteps(a.with()));
            iteratePredictions.put(a, new double[a.with().iterates().size()][points][held.batch()]);
        }
        boolean aligning = !iteratePredictions.isEmpty();
        for (int k = 0; k < points; k++) {
            int at = k;
            boolean spectral = aligning || (maxBestSteps > 0 && k > 0) || plan.targetProbes().stream().anyMatch(p ->
                    ProbeTarget.of(p.target()).spectral(p.target()) && p.position().resolve(points).contains(at));
            // S = X^T X of every prompt's context, decomposed once per k and only where an estimate needs it
            Spectrum[] fitSpectra = spectral ? spectra(fit, k) : null;
            Spectrum[] heldSpectra = spectral ? spectra(held, k) : null;
            double[] bestSteps = maxBestSteps > 0 && k > 0 ? bestSteps(fitSpectra, k, maxBestSteps) : null;
            for (TargetProbe p : plan.targetProbes()) {
                if (!p.position().resolve(points).contains(k)) {
                    continue;
                }
                ProbeTarget<Target> target = ProbeTarget.of(p.target());
                double lr = target.stepSize(p.target(), bestSteps);
                if (target.bestSteps(p.target()) > 0 && k > 0) {
                    steps.add(new ProbeResults.ChosenStep(p.target().label(), k, lr));
                }
                fitTargets.get(p)[k] = targets(p.target(), fit, fitWeights, fitSpectra, k, lr);
                heldTargets.get(p)[k] = targets(p.target(), held, heldWeights, heldSpectra, k, lr);
            }
            for (AlignmentProbe a : plan.all(AlignmentProbe.class)) {
                iterates(a, heldSpectra, k, bestSteps);
            }
        }
    }

    private Spectrum[] spectra(PromptBatch batch, int k) {
        Spectrum[] s = new Spectrum[batch.batch()];
        for (int p = 0; p < s.length; p++) {
            s[p] = Spectrum.of(Targets.inputs(batch, p, k), Targets.outputs(batch, p, k), dims);
        }
        return s;
    }

    /**
     * For t = 1..maxSteps, the step size of {@link Probes#STEP_GRID} whose t-th gradient-descent iterate predicts y_k
     * of the fit prompts best (least mean squared error); a step size that diverges never wins.
     */
    private double[] bestSteps(Spectrum[] spectra, int k, int maxSteps) {
        double[][] sse = new double[maxSteps][Probes.STEP_GRID.length];
        for (int p = 0; p < spectra.length; p++) {
            double[] query = spectra[p].project(query(fit, p, k));
            double y = fit.y(p, k);
            for (int g = 0; g < Probes.STEP_GRID.length; g++) {
                double[][] multipliers = spectra[p].gradientDescent(Probes.STEP_GRID[g], maxSteps);
                for (int t = 0; t < maxSteps; t++) {
                    double diff = spectra[p].predict(multipliers[t], query) - y;
                    sse[t][g] += diff * diff;
                }
            }
        }
        double[] best = new double[maxSteps];
        for (int t = 0; t < maxSteps; t++) {
            int arg = -1;
            for (int g = 0; g < Probes.STEP_GRID.length; g++) {
                if (Double.isFinite(sse[t][g]) && (arg < 0 || sse[t][g] < sse[t][arg])) {
                    arg = g;
                }
            }
            best[t] = Probes.STEP_GRID[Math.max(arg, 0)];
        }
        return best;
    }

    private double[][] targets(Target target, PromptBatch batch, double[][] weights, Spectrum[] spectra, int k, double lr) {
        ProbeTarget<Target> closedForm = ProbeTarget.of(target);
        ProbeTarget.Context context = new ProbeTarget.Context(batch, weights, spectra, k, lr, dims, task);
        double[][] out = new double[batch.batch()][];
        for (int p = 0; p < out.length; p++) {
            out[p] = closedForm.value(target, context, p);
        }
        return out;
    }

    /** Each held-out prompt's prediction of y_k by each iterate of the alignment's algorithm. */
    private void iterates(AlignmentProbe a, Spectrum[] spectra, int k, double[] bestSteps) {
        double[][][] predictions = iteratePredictions.get(a);
        ProbeAlgorithm<Algorithm> algorithm = ProbeAlgorithm.of(a.with());
        List<Integer> iterates = a.with().iterates();
        if (algorithm.bestSteps(a.with()) > 0 && bestSteps != null) {
            for (int j = 0; j < iterates.size(); j++) {
                steps.add(new ProbeResults.ChosenStep(a.with().label(iterates.get(j)), k, bestSteps[iterates.get(j) - 1]));
            }
        }
        for (int p = 0; p < spectra.length; p++) {
            Spectrum s = spectra[p];
            double[] each = algorithm.predict(a.with(), s, s.project(query(held, p, k)), k, bestSteps);
            for (int j = 0; j < iterates.size(); j++) {
                predictions[j][k][p] = each[j];
            }
        }
    }

    private static double[] query(PromptBatch batch, int p, int k) {
        double[] q = new double[batch.dims()];
        for (int j = 0; j < q.length; j++) {
            q[j] = batch.x(p, k, j);
        }
        return q;
    }
}
