package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.iclab.spec.task.BurstyClassification;
import org.iclab.spec.strategy.FlippedLabels;
import org.iclab.spec.strategy.InContext;
import org.iclab.spec.strategy.InWeights;
import org.iclab.spec.SpecException;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import org.junit.jupiter.api.Test;

/**
 * Reddy's generator, measured on thousands of drawn sequences: the layout of a sequence (items, labels, the query,
 * one-hot positions), what bursty, novel, flipped and in-weights sequences hold, the items' distribution around
 * their class means, the Zipf law and the shares of bursty and novel sequences.
 */
class BurstyClassificationTest {
    /** K = 64 classes on L = 8 labels, N = 6 pairs, B = 2, ε = 0.5, D = 5, positions for 9 pairs. */
    static BurstyClassification task(double zipf, double bursty, double novel) {
        return new BurstyClassification(64, 8, 6, 2, 0.5, zipf, bursty, novel, 5, 9, 3);
    }

    static TokenBatch draw(BurstyClassification task, Strategy strategy, int count, long seed) {
        return new TokenSampler(task).sample(seed, count, task.length(), strategy);
    }

    /** What one drawn sequence holds, read back from its ids, vectors, targets and mask. */
    record Sequence(int[] itemClass, int[] shownLabel, int queryClass, int target, int shift) {
        Set<Integer> classes() {
            Set<Integer> set = new HashSet<>();
            for (int k : itemClass) {
                set.add(k);
            }
            return set;
        }
    }

    static Sequence read(BurstyClassification task, TokenBatch b, int s) {
        int n = task.pairs();
        int known = task.classes();
        int width = task.tokenWidth();
        int shift = -1;
        for (int j = 0; j < task.positions(); j++) {
            if (b.vectors()[s * b.length() * width + j] == 1f) {
                shift = j;
            }
        }
        for (int t = 0; t < b.length(); t++) { // each token a one-hot position shift + t, nothing else in the positions
            for (int j = 0; j < task.positions(); j++) {
                assertThat(b.vectors()[(s * b.length() + t) * width + j]).isEqualTo(j == shift + t ? 1f : 0f);
            }
            assertThat(b.mask(s, t)).isEqualTo(t == task.query() ? 1f : 0f);
        }
        int[] items = new int[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            items[i] = b.id(s, 2 * i);
            labels[i] = b.id(s, 2 * i + 1) - known - n;
            assertThat(labels[i]).isBetween(0, task.labels() - 1);
        }
        return new Sequence(items, labels, b.id(s, task.query()), b.target(s, task.query()), shift);
    }

    @Test
    void aBurstySequenceHoldsNOverBClassesBTimesEachWithDistinctLabelsAndTheQueryAmongThem() {
        BurstyClassification task = task(0, 1, 0);
        TokenBatch b = draw(task, new Standard(), 500, 1);
        BurstyClassificationClass.Classes classes = BurstyClassificationClass.classes(task);
        Set<Integer> shifts = new HashSet<>();
        for (int s = 0; s < b.batch(); s++) {
            Sequence q = read(task, b, s);
            shifts.add(q.shift());
            Map<Integer, Integer> copies = new HashMap<>();
            for (int k : q.itemClass()) {
                assertThat(k).isBetween(0, task.classes() - 1);
                copies.merge(k, 1, Integer::sum);
            }
            assertThat(copies).hasSize(3).allSatisfy((k, c) -> assertThat(c).isEqualTo(2));
            assertThat(copies.keySet().stream().map(k -> k % 8).distinct().count()).isEqualTo(3);
            assertThat(copies).containsKey(q.queryClass());
            assertThat(q.target()).isEqualTo(q.queryClass() % 8);
            for (int i = 0; i < task.pairs(); i++) { // each label token shows its item's label vector
                assertThat(q.shownLabel()[i]).isEqualTo(q.itemClass()[i] % 8);
                int at = (s * b.length() + 2 * i + 1) * task.tokenWidth() + task.positions();
                for (int j = 0; j < task.dims(); j++) {
                    assertThat(b.vectors()[at + j]).isEqualTo(classes.labels()[q.shownLabel()[i] * task.dims() + j]);
                }
            }
        }
        assertThat(shifts).isEqualTo(Set.of(0, 1, 2, 3, 4, 5, 6)); // offsets 0..2·(maxPairs − pairs)
    }

    @Test
    void itemsScatterAroundTheirClassMeanWithTheDeclaredNoise() {
        BurstyClassification task = task(0, 1, 0);
        TokenBatch b = draw(task, new Standard(), 4000, 2);
        BurstyClassificationClass.Classes classes = BurstyClassificationClass.classes(task);
        double eps = task.withinClassNoise();
        double scale = 1 / Math.sqrt(1 + eps * eps);
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (int s = 0; s < b.batch(); s++) {
            for (int t = 0; t < b.length(); t += 2) {
                int k = b.id(s, t);
                int at = (s * b.length() + t) * task.tokenWidth() + task.positions();
                for (int j = 0; j < task.dims(); j++) {
                    double r = b.vectors()[at + j] - scale * classes.means()[k * task.dims() + j];
                    sum += r;
                    squares += r * r;
                    count++;
                }
            }
        }
        double variance = eps * eps / task.dims() / (1 + eps * eps); // (ε/√D)² / (1 + ε²) per coordinate
        assertThat(sum / count).isCloseTo(0, within(0.005));
        assertThat(squares / count).isCloseTo(variance, within(0.03 * variance));
        // the means themselves are N(0, I/D)
        double meanSquare = 0;
        for (float m : classes.means()) {
            meanSquare += m * m;
        }
        assertThat(meanSquare / classes.means().length).isCloseTo(1.0 / task.dims(), within(0.1 / task.dims()));
    }

    @Test
    void theInContextTestSetHasNovelClassesWithDistinctRandomLabels() {
        BurstyClassification task = task(0, 0, 0); // training would never be bursty: the test set is anyway
        TokenBatch b = draw(task, new InContext(), 2000, 3);
        int[] labelCounts = new int[8];
        for (int s = 0; s < b.batch(); s++) {
            Sequence q = read(task, b, s);
            assertThat(q.classes()).hasSize(3).allSatisfy(k -> assertThat(k).isBetween(task.classes(), task.classes() + 2));
            Map<Integer, Integer> labelOf = new HashMap<>();
            for (int i = 0; i < task.pairs(); i++) { // a novel class keeps one label through the sequence
                Integer before = labelOf.putIfAbsent(q.itemClass()[i], q.shownLabel()[i]);
                assertThat(before == null || before == q.shownLabel()[i]).isTrue();
            }
            assertThat(labelOf.values().stream().distinct().count()).isEqualTo(3);
            assertThat(q.target()).isEqualTo(labelOf.get(q.queryClass()));
            labelCounts[q.target()]++;
        }
        for (int c : labelCounts) { // the query's label is uniform over the labels
            assertThat(c).isBetween(250 - 60, 250 + 60);
        }
    }

    @Test
    void flippedLabelsShowLabelPlusOneAndScoreWhatTheContextShows() {
        BurstyClassification task = task(0, 0, 1);
        TokenBatch b = draw(task, new FlippedLabels(), 300, 4);
        for (int s = 0; s < b.batch(); s++) {
            Sequence q = read(task, b, s);
            assertThat(q.classes()).hasSize(3).allSatisfy(k -> assertThat(k).isLessThan(task.classes()));
            for (int i = 0; i < task.pairs(); i++) {
                assertThat(q.shownLabel()[i]).isEqualTo((q.itemClass()[i] % 8 + 1) % 8);
            }
            assertThat(q.target()).isEqualTo((q.queryClass() % 8 + 1) % 8);
        }
    }

    @Test
    void theInWeightsTestSetDrawsItemsAndQueryIndependently() {
        BurstyClassification task = task(0, 1, 1);
        TokenBatch b = draw(task, new InWeights(), 4000, 5);
        int queryInContext = 0;
        for (int s = 0; s < b.batch(); s++) {
            Sequence q = read(task, b, s);
            assertThat(q.queryClass()).isLessThan(task.classes());
            assertThat(q.target()).isEqualTo(q.queryClass() % 8);
            queryInContext += q.classes().contains(q.queryClass()) ? 1 : 0;
        }
        double expected = 1 - Math.pow(1 - 1.0 / 64, 6); // 6 independent uniform items miss the query's class
        assertThat(queryInContext / 4000.0).isCloseTo(expected, within(0.02));
    }

    @Test
    void classesFollowTheZipfLaw() {
        BurstyClassification task = task(1.0, 0, 0);
        TokenBatch b = draw(task, new Standard(), 6000, 6);
        int[] counts = new int[task.classes()];
        int total = 0;
        for (int s = 0; s < b.batch(); s++) {
            for (int t = 0; t < b.length(); t += 2) {
                counts[b.id(s, t)]++;
                total++;
            }
        }
        double norm = 0;
        for (int k = 1; k <= task.classes(); k++) {
            norm += 1.0 / k;
        }
        for (int k : new int[] {0, 1, 3, 15, 63}) {
            double p = 1.0 / (k + 1) / norm;
            assertThat(counts[k] / (double) total).as("class %d", k).isCloseTo(p, within(4 * Math.sqrt(p / total) + 1e-4));
        }
    }

    @Test
    void burstyAndNovelSequencesComeInTheirDeclaredShares() {
        BurstyClassification task = new BurstyClassification(1024, 8, 6, 2, 0.5, 0, 0.6, 0.25, 5, 6, 0);
        TokenBatch b = draw(task, new Standard(), 4000, 7);
        int novel = 0;
        int bursty = 0;
        for (int s = 0; s < b.batch(); s++) {
            Sequence q = read(task, b, s);
            boolean isNovel = q.itemClass()[0] >= task.classes();
            novel += isNovel ? 1 : 0;
            // with 1,024 classes an independent sequence repeats a class in under 2% of draws; bursty ones always do
            bursty += !isNovel && q.classes().size() == 3 ? 1 : 0;
        }
        assertThat(novel / 4000.0).isCloseTo(0.25, within(0.025));
        assertThat(bursty / 4000.0).isCloseTo(0.75 * 0.6, within(0.03));
    }

    @Test
    void theSameSeedGivesTheSameSequencesAndTheClassSeedTheMeans() {
        BurstyClassification task = task(0, 0.5, 0.5);
        TokenBatch a = draw(task, new Standard(), 20, 8);
        TokenBatch again = draw(task, new Standard(), 20, 8);
        assertThat(again.vectors()).isEqualTo(a.vectors());
        assertThat(again.targets()).isEqualTo(a.targets());
        BurstyClassification otherSeed = new BurstyClassification(64, 8, 6, 2, 0.5, 0, 0.5, 0.5, 5, 9, 4);
        assertThat(BurstyClassificationClass.classes(otherSeed).means()).isNotEqualTo(BurstyClassificationClass.classes(task).means());
        assertThat(BurstyClassificationClass.classes(new BurstyClassification(64, 8, 6, 2, 0.5, 0, 0.5, 0.5, 5, 9, 3)).means())
                .isEqualTo(BurstyClassificationClass.classes(task).means());
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new BurstyClassification(60, 8, 6, 2, 0.1, 0, 1, 0, 5, 0, 0)).isInstanceOf(SpecException.class)
                .hasMessageContaining("classes must").hasMessageContaining("multiple of labels");
        assertThatThrownBy(() -> new BurstyClassification(64, 8, 6, 4, 0.1, 0, 1, 0, 5, 0, 0)).isInstanceOf(SpecException.class)
                .hasMessageContaining("burstiness must").hasMessageContaining("must divide pairs");
        assertThatThrownBy(() -> new BurstyClassification(64, 2, 6, 2, 0.1, 0, 1, 0, 5, 0, 0)).isInstanceOf(SpecException.class)
                .hasMessageContaining("pairs / burstiness <= labels");
        assertThatThrownBy(() -> new BurstyClassification(64, 8, 6, 2, 0.1, 0, 1.5, 0, 5, 0, 0)).isInstanceOf(SpecException.class)
                .hasMessageContaining("burstyFraction must");
        assertThat(new BurstyClassification(64, 8, 40, 8, 0.1, 0, 1, 0, 5, 0, 0).positionPairs()).isEqualTo(40);
        assertThat(new BurstyClassification(64, 8, 6, 2, 0.1, 0, 1, 0, 5, 0, 0).positionPairs()).isEqualTo(32);
        assertThat(new BurstyClassification().tokenWidth()).isEqualTo(65 + 63);
    }
}
