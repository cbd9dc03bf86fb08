package org.iclab.spec;

import org.iclab.spec.probe.Algorithm;
import org.iclab.spec.probe.AlignmentProbe;
import org.iclab.spec.probe.AttentionProbe;
import org.iclab.spec.probe.ControlProbe;
import org.iclab.spec.probe.ControlTask;
import org.iclab.spec.probe.LinearProbe;
import org.iclab.spec.probe.PooledProbe;
import org.iclab.spec.probe.TargetProbe;
import org.iclab.spec.probe.Probe;
import org.iclab.spec.probe.ReadoutProbe;
import org.iclab.spec.probe.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation probes of an experiment: what is read from the trained model's hidden states, layer by layer and
 * at each position k, after training (or later, on a saved run: {@code iclab probe RUN_DIR SCRIPT}). Every probe is
 * fitted on {@code prompts} fit prompts and scored on {@code heldOut} other prompts (both drawn from the probe seed
 * stream, with the evaluation's points), with the evaluation's bootstrap interval over the held-out prompts.
 *
 * <pre>
 * Java:   p -&gt; p.linear(weights()).linear(leastSquaresEstimate()).readout().alignment(newton()).attention()
 *             .control("weights", constant())
 * Groovy: probes {
 *             linear(target: weights(), layers: all(), position: 'last')
 *             linear(target: leastSquaresEstimate())
 *             readout(layers: all())
 *             alignment(with: newton(iterations: 1..20))
 *             attention()
 *             control(weights: constant())
 *         }
 * </pre>
 *
 * @param penalty the ridge penalty of the linear probes and read-outs, relative: λ = penalty · trace(FᵀF) / width for the centred features F of
 *              the fit prompts, so that it means the same at every layer whatever the scale of its hidden state
 */
public record ProbePlan(List<Probe> probes, int prompts, int heldOut, double penalty) {
    public static final int DEFAULT_PROMPTS = 1024;
    public static final int DEFAULT_HELD_OUT = 512;
    public static final double DEFAULT_PENALTY = 1e-3;

    public ProbePlan {
        probes = probes == null ? null : List.copyOf(probes);
        Problems problems = Problems.in("probes")
                .requirePresent(probes, "probes")
                .require(prompts >= 2, "prompts", "must be >= 2", prompts)
                .require(heldOut >= 2, "heldOut", "must be >= 2", heldOut)
                .require(penalty > 0 && Double.isFinite(penalty), "penalty", "must be a finite number > 0", penalty);
        if (probes != null) {
            problems.require(!probes.isEmpty(), "probes", "must declare at least one probe (linear, pooled, readout, alignment, attention)", "none");
            List<TargetProbe> targetProbes = of(probes, TargetProbe.class);
            for (String column : targetProbes.stream().map(TargetProbe::column).distinct().toList()) {
                List<TargetProbe> ofColumn = targetProbes.stream().filter(p -> p.column().equals(column)).toList();
                List<String> targets = ofColumn.stream().map(TargetProbe::label).toList();
                problems.require(targets.stream().distinct().count() == targets.size(), Extension.wordOf(ofColumn.get(0).getClass()),
                        "must not repeat a target at the same token (one " + column + " probe per target and token, over every layer it lists)",
                        targets);
            }
            int readouts = of(probes, ReadoutProbe.class).size();
            int attentions = of(probes, AttentionProbe.class).size();
            problems.require(readouts <= 1, "readout", "may be declared once", readouts + " times");
            problems.require(attentions <= 1, "attention", "may be declared once", attentions + " times");
            List<Algorithm> algorithms = of(probes, AlignmentProbe.class).stream().map(AlignmentProbe::with).toList();
            problems.require(algorithms.stream().map(Algorithm::word).distinct().count() == algorithms.size(), "alignment",
                    "must not repeat an algorithm", algorithms.stream().map(Algorithm::word).toList());
            List<ControlProbe> controls = of(probes, ControlProbe.class);
            problems.require(controls.stream().distinct().count() == controls.size(), "control", "must not repeat a control",
                    controls.stream().map(c -> (c.target() == null ? "" : c.target() + ": ") + c.task().word()).toList());
            for (ControlProbe c : controls) {
                List<String> words = targetProbes.stream().map(p -> p.target().word()).distinct().toList();
                problems.require(words.stream().anyMatch(w -> c.target() == null || w.equals(c.target())), "control",
                        "must name the target of a linear or pooled probe (their targets: " + (words.isEmpty() ? "none" : String.join(", ", words)) + ")",
                        c.target() == null ? "a control of every linear and pooled probe" : "'" + c.target() + "'");
            }
            for (Probe p : probes) {
                if (p instanceof PooledProbe pooled) {
                    problems.require(pooled.batch() <= prompts, "pooled.batch", "must be <= prompts (" + prompts + ")", pooled.batch());
                }
                if (p instanceof AttentionProbe a) {
                    problems.require(a.prompts() <= heldOut, "attention.prompts", "must be <= heldOut (" + heldOut + ")", a.prompts());
                }
            }
        }
        problems.throwIfAny();
    }

    private static <P extends Probe> List<P> of(List<Probe> probes, Class<P> kind) {
        return probes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The linear probes, in declaration order. */
    public List<LinearProbe> linear() {
        return of(probes, LinearProbe.class);
    }

    /** The probes of a target (linear and pooled), in declaration order. */
    public List<TargetProbe> targetProbes() {
        return of(probes, TargetProbe.class);
    }

    /** The declared probes of one kind, in declaration order. */
    public <P extends Probe> List<P> all(Class<P> kind) {
        return of(probes, kind);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable, single use. Defaults: 1024 fit prompts, 512 held-out prompts, penalty 1e-3; no probe. */
    public static final class Builder {
        private final List<Probe> probes = new ArrayList<>();
        private int prompts = DEFAULT_PROMPTS;
        private int heldOut = DEFAULT_HELD_OUT;
        private double penalty = DEFAULT_PENALTY;

        /** A linear probe of {@code target} at every layer, at the prediction token of every k from 1 on. */
        @Setting(value = "A ridge probe from the hidden state to a target vector, per layer and position k; scored by R^2 on held-out prompts.",
                range = "target: weights(), leastSquaresEstimate(), momentXy(), gradientDescentIterate(...); layers: all() or a list; position: 'last', 'context' or a list of k",
                example = "linear(target: weights(), layers: all(), position: 'last')")
        public Builder linear(Target target) {
            return linear(target, Layers.all(), Positions.last());
        }

        /** A linear probe of {@code target} at the given layers and positions. */
        @Setting(value = "A ridge probe at the given layers and positions.")
        public Builder linear(Target target, Layers layers, Positions position) {
            probes.add(new LinearProbe(target, layers, position));
            return this;
        }

        /** The paper's non-linear probe of {@code target} pooled over positions, at every layer and k from 1 on (64 ReLU units). */
        @Setting(value = "A probe that learns weights over the tokens that have seen the first k examples, pools the layer's states with them and reads"
                + " a target from the pooled state by a small ReLU network (Akyurek et al.), or linearly with hidden: 0; trained by Adam, scored by R^2"
                + " on held-out prompts.",
                range = "target: as linear; layers: all() or a list; position: 'last', 'context' or a list of k; hidden: >= 0 (0: linear);"
                        + " steps, batch: >= 1; lr: > 0",
                example = "pooled(target: leastSquaresEstimate(), hidden: 64, steps: 1000, batch: 128, lr: 3e-3)")
        public Builder pooled(Target target) {
            return pooled(new PooledProbe(target));
        }

        @Setting(value = "A pooled probe with every setting given.")
        public Builder pooled(PooledProbe probe) {
            probes.add(probe);
            return this;
        }

        /** A fresh least-squares read-out of y(k+1) from every layer's LayerNorm'd hidden state. */
        @Setting(value = "Retrains only a read-out on each layer's hidden state (Fu et al.): its error per layer and k.",
                range = "layers: all() or a list", example = "readout(layers: all())")
        public Builder readout() {
            return readout(Layers.all());
        }

        @Setting(value = "A read-out per listed layer.")
        public Builder readout(Layers layers) {
            probes.add(new ReadoutProbe(layers));
            return this;
        }

        /** Which iterate of {@code with} each layer's read-out matches, at every layer. */
        @Setting(value = "Which iterate of an algorithm each layer's read-out matches (similarity of errors, Fu et al.).",
                range = "with: newton(...) or gradientDescent(...); layers: all() or a list",
                example = "alignment(with: newton(iterations: 1..20), layers: all())")
        public Builder alignment(Algorithm with) {
            return alignment(with, Layers.all());
        }

        @Setting(value = "Alignment at the listed layers.")
        public Builder alignment(Algorithm with, Layers layers) {
            probes.add(new AlignmentProbe(with, layers));
            return this;
        }

        /** Attention maps of every layer and head for the first 4 held-out prompts. */
        @Setting(value = "Attention maps per layer and head for a few held-out prompts (images and attention.csv).",
                range = "prompts: >= 1 and <= heldOut", example = "attention(prompts: 4)")
        public Builder attention() {
            return attention(AttentionProbe.DEFAULT_PROMPTS);
        }

        @Setting(value = "Attention maps for the first prompts held-out prompts.")
        public Builder attention(int prompts) {
            probes.add(new AttentionProbe(prompts));
            return this;
        }

        /** A control for every linear probe. */
        @Setting(value = "A control for the linear probes: the same probe fitted on uninformative targets (selectivity = score - control).",
                range = "a linear probe's target word: constant() or shuffled()", example = "control(weights: constant())")
        public Builder control(ControlTask task) {
            probes.add(new ControlProbe(null, task));
            return this;
        }

        /** A control for the linear probes of the target word {@code target} ({@code "weights"}, ...). */
        @Setting(value = "A control for the linear probes of one target word.")
        public Builder control(String target, ControlTask task) {
            probes.add(new ControlProbe(Objects.requireNonNull(target, "target"), task));
            return this;
        }

        /** Prompts the probes are fitted on. */
        @Setting(value = "Prompts the probes are fitted on (drawn from the probe seed stream).", range = ">= 2")
        public Builder prompts(int prompts) {
            this.prompts = prompts;
            return this;
        }

        /** Prompts the probes are scored on. */
        @Setting(value = "Held-out prompts the probes are scored on (and the bootstrap resamples).", range = ">= 2")
        public Builder heldOut(int heldOut) {
            this.heldOut = heldOut;
            return this;
        }

        /**
         * The relative ridge penalty of the linear probes and read-outs (not called {@code ridge}: in a script that
         * is the baseline word {@code ridge(alpha)}, and a statically imported word wins over a block's setting).
         */
        @Setting(value = "Ridge penalty of the linear probes and read-outs, relative to the mean feature variance: lambda = penalty * trace(F^T F) / width.",
                range = "a finite number > 0")
        public Builder penalty(double penalty) {
            this.penalty = penalty;
            return this;
        }

        public ProbePlan build() {
            return new ProbePlan(probes, prompts, heldOut, penalty);
        }
    }
}
