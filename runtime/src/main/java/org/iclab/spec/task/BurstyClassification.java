package org.iclab.spec.task;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.strategy.BurstyTestSet;
import org.iclab.spec.strategy.FlippedLabels;
import org.iclab.spec.strategy.InContext;
import org.iclab.spec.strategy.InWeights;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import java.util.List;

/**
 * Reddy's (2023) in-context classification task. {@code classes} class means μ_k and {@code labels} label vectors
 * are drawn once from {@code classSeed}, each N(0, I_D / D) with D = {@code dims}; class k has label k mod L. An item
 * of class k is (μ_k + ε·η/√D) / √(1 + ε²) with η ~ N(0, I_D) and ε = {@code withinClassNoise}. A sequence is
 * {@code pairs} item–label pairs and a query item (2N + 1 tokens); each token is a one-hot position (2·maxPairs + 1
 * wide, maxPairs 32 unless set; shifted by a uniform offset in [0, 2·(maxPairs − pairs)] per sequence) followed by its D content dimensions.
 * The model is trained by cross-entropy over the L labels at the query alone.
 * <ul>
 * <li>A bursty sequence (a share {@code burstyFraction}) holds N / B classes, B = {@code burstiness} copies each,
 * shuffled, with distinct labels; the query is an item of one of them.</li>
 * <li>Any other sequence holds N classes drawn independently from the Zipf law p(k) ∝ (k + 1)^−α (α = {@code zipf}),
 * and a query of a class drawn the same way, independently of the context.</li>
 * <li>A share {@code novelFraction} of the sequences is bursty with novel classes: fresh means per sequence, given
 * distinct random labels, which only the context tells.</li>
 * </ul>
 * The test sets are strategies: {@code inContext()} (novel classes, bursty), {@code flippedLabels()} (known classes,
 * bursty, every label shown as label + 1 mod L and scored against what the context shows) and {@code inWeights()}
 * (known classes, no bursts: the context rarely holds the query's class). Accuracy is reported at the query (k = 0).
 * <p>
 * The item's token ids, which the model never reads, name what each token is for analyses: an item's (or the
 * query's) class k, a novel class K + j, a label K + N + label; the induction score reads them.
 *
 * <pre>
 * Java:   Iclab.burstyClassification()        Groovy:  task burstyClassification(classes: 512, labels: 32, pairs: 8, burstiness: 2)
 * </pre>
 */
@Setting("Reddy's bursty in-context classification: item-label pairs of Gaussian classes, K classes on L labels, "
        + "one-hot positions, cross-entropy over the labels at the query.")
@Word("burstyClassification")
public record BurstyClassification(
        @Setting(value = "Classes K (their means fixed per experiment).", range = "a multiple of labels") int classes,
        @Setting(value = "Labels L, the outputs; class k has label k mod L.", range = "2..10000") int labels,
        @Setting(value = "Item-label pairs N before the query.", range = "1..100") int pairs,
        @Setting(value = "Copies B of each class in a bursty sequence.", range = "1..pairs, divides pairs, pairs / B <= labels") int burstiness,
        @Setting(value = "Within-class noise epsilon.", range = "a finite number >= 0") double withinClassNoise,
        @Setting(value = "Zipf exponent alpha of the class frequencies (0: uniform).", range = "a finite number >= 0") double zipf,
        @Setting(value = "Share of bursty sequences p_B.", range = "[0, 1]") double burstyFraction,
        @Setting(value = "Share of sequences with novel classes p_C (always bursty).", range = "[0, 1]") double novelFraction,
        @Setting(value = "Content dimensions D of a token.", range = "1..10000") int dims,
        @Setting(value = "Positions are one-hot over 2 maxPairs + 1, at a random offset per sequence.", range = "0, or pairs..1000",
                defaults = "0: 32, or pairs where larger") int maxPairs,
        @Setting(value = "The seed the class means and label vectors are drawn from.", defaults = "0") long classSeed) implements TokenTask {
    /** Reddy's positions: one-hot over 2·32 + 1 = 65, so that the token of D = 63 is 128 wide. */
    public static final int DEFAULT_MAX_PAIRS = 32;

    public BurstyClassification {
        Problems p = Problems.in("task");
        p.require(labels >= 2 && labels <= 10_000, "labels", "must lie in 2..10000", labels)
                .require(classes >= labels && classes % labels == 0 && classes <= 1_000_000, "classes",
                        "must be a multiple of labels (every label has as many classes), at most 1000000", classes + " with labels " + labels)
                .require(pairs >= 1 && pairs <= 100, "pairs", "must lie in 1..100", pairs)
                .require(burstiness >= 1 && burstiness <= pairs && pairs % burstiness == 0, "burstiness", "must divide pairs",
                        burstiness + " with pairs " + pairs)
                .require(burstiness < 1 || pairs / Math.max(1, burstiness) <= labels, "burstiness",
                        "must leave pairs / burstiness <= labels (the classes of a bursty sequence have distinct labels)",
                        burstiness + " with pairs " + pairs + ", labels " + labels)
                .require(withinClassNoise >= 0 && Double.isFinite(withinClassNoise), "withinClassNoise", "must be a finite number >= 0", withinClassNoise)
                .require(zipf >= 0 && Double.isFinite(zipf), "zipf", "must be a finite number >= 0", zipf)
                .require(burstyFraction >= 0 && burstyFraction <= 1, "burstyFraction", "must lie in [0, 1]", burstyFraction)
                .require(novelFraction >= 0 && novelFraction <= 1, "novelFraction", "must lie in [0, 1]", novelFraction)
                .require(dims >= 1 && dims <= 10_000, "dims", "must lie in 1..10000", dims)
                .require(maxPairs == 0 || maxPairs >= pairs && maxPairs <= 1000, "maxPairs", "must be 0 (the default) or lie in pairs..1000",
                        maxPairs + " with pairs " + pairs)
                .throwIfAny();
    }

    /** Reddy's script: K = 512, L = 32, N = 8, B = 2, ε = 0.1, α = 0, p_B = p_C = 0.5, D = 63, positions for 32 pairs. */
    public BurstyClassification() {
        this(512, 32, 8, 2, 0.1, 0, 0.5, 0.5, 63, 0, 0);
    }

    /** The pairs the positions are laid out for: maxPairs, or where it is 0, 32 (or pairs where larger). */
    public int positionPairs() {
        return maxPairs == 0 ? Math.max(DEFAULT_MAX_PAIRS, pairs) : maxPairs;
    }

    /** The positions' width: one-hot over 2·positionPairs() + 1. */
    public int positions() {
        return 2 * positionPairs() + 1;
    }

    /** The query's position, 2N (the sequence's last token). */
    public int query() {
        return 2 * pairs;
    }

    @Override
    public int vocabulary() {
        return labels;
    }

    @Override
    public int length() {
        return 2 * pairs + 1;
    }

    /** Each token is a vector: the one-hot position, then the D content dimensions. */
    @Override
    public int tokenWidth() {
        return positions() + dims;
    }

    /** k is the query: a sequence is scored once, at its last token. */
    @Override
    public String unit() {
        return "query";
    }

    /** One k: the query. */
    @Override
    public int reportedKs(int points) {
        return 1;
    }

    /** The training distribution and the three test sets. */
    @Override
    public List<Strategy> defaultStrategies() {
        return List.of(new Standard(), new InContext(), new FlippedLabels(), new InWeights());
    }

    @Override
    public boolean accepts(Strategy strategy) {
        return strategy instanceof Standard || strategy instanceof BurstyTestSet;
    }
}
