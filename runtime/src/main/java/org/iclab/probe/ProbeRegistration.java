package org.iclab.probe;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.iclab.spec.probe.AlignmentProbe;
import org.iclab.spec.probe.AttentionProbe;
import org.iclab.spec.probe.ControlProbe;
import org.iclab.spec.probe.LinearProbe;
import org.iclab.spec.probe.PooledProbe;
import org.iclab.spec.probe.ReadoutProbe;
import org.iclab.spec.probe.Constant;
import org.iclab.spec.Extension;
import org.iclab.spec.probe.GradientDescent;
import org.iclab.spec.probe.GradientDescentIterate;
import org.iclab.spec.probe.LeastSquaresEstimate;
import org.iclab.spec.probe.MomentXy;
import org.iclab.spec.probe.Newton;
import org.iclab.spec.probe.Phi;
import org.iclab.spec.Registration;
import org.iclab.spec.probe.Shuffled;
import org.iclab.spec.probe.Weights;

/**
 * The probe kinds ({@link ProbeKind}, run in this order) and the words the probes take: the alignment probes' algorithms ({@link ProbeAlgorithm}), the controls
 * ({@link ProbeControl}) and the linear probes' targets ({@link ProbeTarget}; closed forms in {@link Targets} and
 * {@link Spectrum}). One entry a word.
 */
public final class ProbeRegistration implements Registration {
    @Override
    public List<Extension> extensions() {
        return List.of(
                // each layer captured once for every probe (and control) of the kind reading it
                kind(LinearProbe.class, (probes, run) -> layersOf(probes, run).forEach(run::linearAt)),
                kind(PooledProbe.class, (probes, run) -> layersOf(probes, run).forEach(layer -> run.pooledAt(layer, probes))),
                kind(ReadoutProbe.class, (probes, run) -> {
                    run.readoutRows(probes);
                    run.modelCurve();
                }),
                kind(AlignmentProbe.class, (probes, run) -> {
                    run.modelCurve();
                    run.alignmentRows(probes);
                    run.alignments(probes);
                }),
                kind(AttentionProbe.class, (probes, run) -> run.attention(probes)),
                kind(ControlProbe.class, (probes, run) -> {
                    // fitted beside the linear probes whose target each names, in the same ridge fit (see linear)
                }),

                new NewtonAlgorithm(),
                new GradientDescentAlgorithm(),

                control(Constant.class, (c, targets, permutation) -> {
                    double[] mean = new double[targets[0].length];
                    for (double[] t : targets) {
                        for (int j = 0; j < mean.length; j++) {
                            mean[j] += t[j] / targets.length;
                        }
                    }
                    double[][] out = new double[targets.length][];
                    Arrays.setAll(out, p -> mean.clone());
                    return out;
                }),
                control(Shuffled.class, (c, targets, permutation) -> {
                    double[][] out = new double[targets.length][];
                    Arrays.setAll(out, p -> targets[permutation[p]].clone());
                    return out;
                }),

                new WeightsTarget(),
                new LeastSquaresTarget(),
                target(MomentXy.class, (t, c, p) -> Targets.momentXy(Targets.inputs(c.batch(), p, c.k()),
                        Targets.outputs(c.batch(), p, c.k()), c.dims())),
                new GradientDescentIterateTarget(),
                target(Phi.class, (t, c, p) -> org.iclab.task.RepresentationClass.phi((org.iclab.spec.task.Representation) c.task())
                        .at(c.batch(), p, c.k())));
    }

    /** The layers any of {@code probes} reads, in order. */
    private static TreeSet<Integer> layersOf(List<? extends org.iclab.spec.probe.Probe> probes, ProbeRun run) {
        TreeSet<Integer> layers = new TreeSet<>();
        probes.forEach(p -> layers.addAll(p.layers().resolve(run.hiddenCount())));
        return layers;
    }

    private static <P extends org.iclab.spec.probe.Probe> ProbeKind<P> kind(Class<P> spec, Runner<P> runner) {
        return new SimpleKind<>(spec, runner);
    }

    @FunctionalInterface
    private interface Runner<P> {
        void run(List<P> probes, ProbeRun run);
    }

    private record SimpleKind<P extends org.iclab.spec.probe.Probe>(Class<P> spec, Runner<P> runner) implements ProbeKind<P> {
        @Override
        public void run(List<P> probes, ProbeRun run) {
            runner.run(probes, run);
        }
    }

    /** A target computed from the prompt alone. */
    private static <T extends org.iclab.spec.probe.Target> ProbeTarget<T> target(Class<T> spec, Value<T> value) {
        return new SimpleTarget<>(spec, value);
    }

    private record SimpleTarget<T extends org.iclab.spec.probe.Target>(Class<T> spec, Value<T> of) implements ProbeTarget<T> {
        @Override
        public double[] value(T target, Context context, int prompt) {
            return of.of(target, context, prompt);
        }
    }

    @FunctionalInterface
    private interface Value<T> {
        double[] of(T target, ProbeTarget.Context context, int prompt);
    }

    @FunctionalInterface
    private interface Replace<C> {
        double[][] targets(C control, double[][] targets, int[] permutation);
    }

    private static <C extends org.iclab.spec.probe.ControlTask> ProbeControl<C> control(Class<C> spec, Replace<C> replace) {
        return new SimpleControl<>(spec, replace);
    }

    private record SimpleControl<C extends org.iclab.spec.probe.ControlTask>(Class<C> spec, Replace<C> replace)
            implements ProbeControl<C> {
        @Override
        public double[][] targets(C control, double[][] targets, int[] permutation) {
            return replace.targets(control, targets, permutation);
        }
    }

    /** The prompt's function weights w (a linear function class). */
    private static final class WeightsTarget implements ProbeTarget<Weights> {
        @Override
        public Class<Weights> spec() {
            return Weights.class;
        }

        @Override
        public double[] value(Weights target, Context context, int prompt) {
            return context.weights()[prompt].clone();
        }
    }

    /** The least-squares estimate from the k context examples (minimum norm). */
    private static final class LeastSquaresTarget implements ProbeTarget<LeastSquaresEstimate> {
        @Override
        public Class<LeastSquaresEstimate> spec() {
            return LeastSquaresEstimate.class;
        }

        @Override
        public boolean spectral(LeastSquaresEstimate target) {
            return true;
        }

        @Override
        public double[] value(LeastSquaresEstimate target, Context context, int prompt) {
            Spectrum s = context.spectra()[prompt];
            return s.weights(s.leastSquares());
        }
    }

    /** The t-th gradient-descent iterate from w = 0 on the context, at a fixed step size or the best one found on the fit prompts. */
    private static final class GradientDescentIterateTarget implements ProbeTarget<GradientDescentIterate> {
        @Override
        public Class<GradientDescentIterate> spec() {
            return GradientDescentIterate.class;
        }

        @Override
        public boolean spectral(GradientDescentIterate target) {
            return true;
        }

        @Override
        public int bestSteps(GradientDescentIterate target) {
            return target.bestLr() ? target.steps() : 0;
        }

        @Override
        public double stepSize(GradientDescentIterate g, double[] bestSteps) {
            return g.bestLr() ? (bestSteps == null ? Double.NaN : bestSteps[g.steps() - 1]) : g.lr();
        }

        @Override
        public double[] value(GradientDescentIterate g, Context context, int prompt) {
            if (context.k() == 0) {
                return new double[context.dims()];
            }
            Spectrum s = context.spectra()[prompt];
            return s.weights(s.gradientDescent(context.lr(), g.steps())[g.steps() - 1]);
        }
    }

    /** Newton's iterates for the least-squares solution (Fu et al.). */
    private static final class NewtonAlgorithm implements ProbeAlgorithm<Newton> {
        @Override
        public Class<Newton> spec() {
            return Newton.class;
        }

        @Override
        public double[] predict(Newton algorithm, Spectrum s, double[] query, int k, double[] bestSteps) {
            List<Integer> iterates = algorithm.iterates();
            double[][] m = s.newton(iterates.get(iterates.size() - 1), Newton.PAPER.equals(algorithm.alpha()));
            double[] out = new double[iterates.size()];
            for (int j = 0; j < out.length; j++) {
                out[j] = s.predict(m[iterates.get(j)], query);
            }
            return out;
        }
    }

    /** Gradient descent from w = 0, at a fixed step size or, per iterate, the best one found on the fit prompts. */
    private static final class GradientDescentAlgorithm implements ProbeAlgorithm<GradientDescent> {
        @Override
        public Class<GradientDescent> spec() {
            return GradientDescent.class;
        }

        @Override
        public int bestSteps(GradientDescent g) {
            return g.lr() == null ? g.steps().get(g.steps().size() - 1) : 0;
        }

        @Override
        public double[] predict(GradientDescent g, Spectrum s, double[] query, int k, double[] bestSteps) {
            List<Integer> iterates = g.iterates();
            double[] out = new double[iterates.size()];
            if (g.lr() != null) {
                double[][] m = s.gradientDescent(g.lr(), iterates.get(iterates.size() - 1));
                for (int j = 0; j < out.length; j++) {
                    out[j] = s.predict(m[iterates.get(j) - 1], query);
                }
            } else if (k > 0) {
                for (int j = 0; j < out.length; j++) {
                    int t = iterates.get(j);
                    out[j] = s.predict(s.gradientDescent(bestSteps[t - 1], t)[t - 1], query);
                }
            }
            return out;
        }
    }
}
