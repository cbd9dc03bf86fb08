package org.iclab.probe;

import java.util.List;
import org.iclab.spec.ProbePlan;

/**
 * What the probes of one run found: the tidy rows of probes.csv and the summaries probes.json and the figures add.
 *
 * @param points      pairs per probe prompt (k = 0..points-1)
 * @param layers      for each linear probe and control, its score at each layer averaged over its positions k
 * @param alignments  for each alignment probe, the layer × iterate similarity (averaged over k = 1..points-1) and the
 *                    best-matching iterate of each layer
 * @param steps       the step sizes chosen on the fit prompts where a gradient-descent step size is 'best'
 * @param attention   the attention maps, or null when none were asked for (or the model has no attention)
 * @param pooling     for each pooled probe, layer and k, the weights it learned over the tokens it pools
 */
public record ProbeResults(ProbePlan plan, int points, int hiddenCount, List<ProbeRow> rows, List<LayerScore> layers,
                           List<Alignment> alignments, List<ChosenStep> steps, AttentionMaps attention, List<Pooling> pooling,
                           double seconds) {
    public ProbeResults {
        pooling = List.copyOf(pooling);
        rows = List.copyOf(rows);
        layers = List.copyOf(layers);
        alignments = List.copyOf(alignments);
        steps = List.copyOf(steps);
    }

    /** A linear probe's (or control's) score at one layer, averaged over its positions k, with its interval. */
    public record LayerScore(String probe, String target, int layer, double score, double ciLow, double ciHigh, List<Integer> ks) {
        public LayerScore {
            ks = List.copyOf(ks);
        }
    }

    /**
     * One alignment probe: similarity[l][j] is the similarity of errors between layer {@code layers.get(l)}'s read-out
     * and iterate {@code iterates.get(j)}, averaged over k = 1..points-1; best[l] the index j of the best match.
     */
    public record Alignment(String algorithm, List<Integer> layers, List<Integer> iterates, List<String> labels,
                            double[][] similarity, int[] best) {
        public Alignment {
            layers = List.copyOf(layers);
            iterates = List.copyOf(iterates);
            labels = List.copyOf(labels);
        }

        /** The label of layer {@code layer}'s best-matching iterate ({@code newton(3)}). */
        public String bestAt(int layer) {
            return labels.get(best[layers.indexOf(layer)]);
        }
    }

    /**
     * The weights softmax(s) a pooled probe ({@code probe} {@code pooled} or {@code mlp}) learned over tokens
     * 0..weights.length − 1 of the prompt at one layer and position k.
     */
    public record Pooling(String probe, String target, int layer, int k, double[] weights) {
    }

    /** The step size chosen for {@code target} (a target or iterate label) at position k. */
    public record ChosenStep(String target, int k, double lr) {
    }

    /**
     * Attention weights of the first {@code prompts} held-out prompts: {@code weights.get(l)} is layer l's
     * [prompts, heads, tokens, tokens] (row: the attending token).
     */
    public record AttentionMaps(int prompts, int heads, int tokens, List<float[]> weights) {
        public AttentionMaps {
            weights = List.copyOf(weights);
        }

        public float at(int layer, int prompt, int head, int query, int key) {
            return weights.get(layer)[((prompt * heads + head) * tokens + query) * tokens + key];
        }
    }

    /** The rows of one probe kind. */
    public List<ProbeRow> rows(String probe) {
        return rows.stream().filter(r -> r.probe().equals(probe)).toList();
    }

    /** The row of {@code probe} for {@code target} at {@code layer} (null for none) and {@code k}. */
    public ProbeRow row(String probe, String target, Integer layer, int k) {
        return rows.stream().filter(r -> r.probe().equals(probe) && r.target().equals(target)
                && java.util.Objects.equals(r.layer(), layer) && r.k() == k).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no " + probe + " row for " + target + " at layer " + layer + ", k " + k));
    }

    /** The layer summary of a linear probe (or control) target. */
    public LayerScore layer(String probe, String target, int layer) {
        return layers.stream().filter(s -> s.probe().equals(probe) && s.target().equals(target) && s.layer() == layer).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no " + probe + " summary for " + target + " at layer " + layer));
    }
}
