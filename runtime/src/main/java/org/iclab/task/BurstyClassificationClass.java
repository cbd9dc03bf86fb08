package org.iclab.task;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.iclab.spec.task.BurstyClassification;
import org.iclab.spec.strategy.FlippedLabels;
import org.iclab.spec.strategy.InContext;
import org.iclab.spec.strategy.InWeights;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;

/**
 * Draws {@link BurstyClassification} sequences. Per sequence, from its stream: two uniforms (novel, then bursty, both
 * drawn whatever the strategy); the classes (bursty: N / B groups, each a novel class — its mean, D Gaussians, then
 * its label from a partial shuffle of the labels — or a known class from the Zipf law, redrawn while its label is
 * taken; then B copies of each, shuffled, and the query's group; otherwise N classes and the query's from the Zipf
 * law); then the position offset; then each item's noise, token by token, the query last.
 */
final class BurstyClassificationClass implements TokenClass<BurstyClassification> {
    private static final Map<BurstyClassification, Classes> CACHE = new ConcurrentHashMap<>();

    @Override
    public Class<BurstyClassification> spec() {
        return BurstyClassification.class;
    }

    /** The sequence {@link #drawVectors} draws under {@code standard()}, without its vectors. */
    @Override
    public void draw(BurstyClassification task, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset) {
        float[] vectors = new float[(offset + task.length()) * task.tokenWidth()];
        drawVectors(task, new Standard(), rng, ids, targets, mask, vectors, offset);
    }

    /** The single scored position, the query: k = 0 of every sequence. */
    @Override
    public int[] units(BurstyClassification task, TokenBatch batch, int sequence) {
        return new int[batch.length()];
    }

    @Override
    public void drawVectors(BurstyClassification task, Strategy strategy, SplittableRandom rng, int[] ids, int[] targets,
                            float[] mask, float[] vectors, int offset) {
        int n = task.pairs();
        int labels = task.labels();
        int known = task.classes();
        int d = task.dims();
        Classes classes = classes(task);
        double novelDraw = rng.nextDouble();
        double burstyDraw = rng.nextDouble();
        boolean novel;
        boolean bursty;
        int flip = 0;
        if (strategy instanceof Standard) {
            novel = novelDraw < task.novelFraction();
            bursty = novel || burstyDraw < task.burstyFraction();
        } else if (strategy instanceof InContext) {
            novel = true;
            bursty = true;
        } else if (strategy instanceof FlippedLabels) {
            novel = false;
            bursty = true;
            flip = 1;
        } else if (strategy instanceof InWeights) {
            novel = false;
            bursty = false;
        } else {
            throw new IllegalArgumentException("burstyClassification has no test set " + strategy.label());
        }
        int[] itemClass = new int[n]; // class ids: known k, or known + j for novel class j
        int query;
        int groups = n / task.burstiness();
        int[] novelLabels = new int[groups];
        float[] novelMeans = novel ? new float[groups * d] : null;
        if (bursty) {
            int[] groupClass = new int[groups];
            boolean[] taken = new boolean[labels];
            int[] order = novel ? permutation(rng, labels) : null;
            for (int g = 0; g < groups; g++) {
                if (novel) {
                    for (int j = 0; j < d; j++) {
                        novelMeans[g * d + j] = (float) (rng.nextGaussian() / Math.sqrt(d));
                    }
                    novelLabels[g] = order[g];
                    groupClass[g] = known + g;
                } else {
                    int k = classes.draw(rng);
                    while (taken[k % labels]) {
                        k = classes.draw(rng);
                    }
                    taken[k % labels] = true;
                    groupClass[g] = k;
                }
            }
            for (int i = 0; i < n; i++) {
                itemClass[i] = groupClass[i / task.burstiness()];
            }
            shuffle(rng, itemClass);
            query = groupClass[rng.nextInt(groups)];
        } else {
            for (int i = 0; i < n; i++) {
                itemClass[i] = classes.draw(rng);
            }
            query = classes.draw(rng);
        }
        int shift = rng.nextInt(2 * (task.positionPairs() - n) + 1);
        int width = task.tokenWidth();
        for (int t = 0; t < task.length(); t++) {
            int at = offset + t;
            java.util.Arrays.fill(vectors, at * width, (at + 1) * width, 0f);
            vectors[at * width + shift + t] = 1;
            targets[at] = 0;
            mask[at] = 0;
            int content = at * width + task.positions();
            if (t % 2 == 0) { // an item, or the query at t = 2N
                int k = t == task.query() ? query : itemClass[t / 2];
                ids[at] = k;
                item(task, rng, k < known ? classes.means : novelMeans, k < known ? k : k - known, vectors, content);
            } else {
                int k = itemClass[t / 2];
                int label = (labelOf(k, known, labels, novelLabels) + flip) % labels;
                ids[at] = known + n + label;
                System.arraycopy(classes.labels, label * d, vectors, content, d);
            }
        }
        targets[offset + task.query()] = (labelOf(query, known, labels, novelLabels) + flip) % labels;
        mask[offset + task.query()] = 1;
    }

    /** Class k's label: k mod L for a known class, its drawn label for a novel one. */
    private static int labelOf(int k, int known, int labels, int[] novelLabels) {
        return k < known ? k % labels : novelLabels[k - known];
    }

    /** An item of class {@code index} of {@code means}: (μ + ε·η/√D) / √(1 + ε²). */
    private static void item(BurstyClassification task, SplittableRandom rng, float[] means, int index, float[] vectors, int at) {
        int d = task.dims();
        double eps = task.withinClassNoise();
        double scale = 1 / Math.sqrt(1 + eps * eps);
        double noise = eps / Math.sqrt(d);
        for (int j = 0; j < d; j++) {
            vectors[at + j] = (float) (scale * (means[index * d + j] + noise * rng.nextGaussian()));
        }
    }

    /** A uniform permutation of 0..size-1 (Fisher–Yates). */
    private static int[] permutation(SplittableRandom rng, int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        shuffle(rng, order);
        return order;
    }

    private static void shuffle(SplittableRandom rng, int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** The class means and label vectors of {@code task}, the same for equal records (drawn from its classSeed alone). */
    static Classes classes(BurstyClassification task) {
        return CACHE.computeIfAbsent(task, Classes::draw);
    }

    /**
     * The known classes: means [K, D] and label vectors [L, D], each N(0, I_D / D), drawn in that order from the
     * classSeed's stream; and the Zipf law's cumulative probabilities (null where it is uniform).
     */
    record Classes(int count, float[] means, float[] labels, double[] cumulative) {
        static Classes draw(BurstyClassification task) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(task.classSeed(), Seeds.Stream.CLASSES, 0));
            int d = task.dims();
            float[] means = gaussians(rng, task.classes() * d, d);
            float[] labels = gaussians(rng, task.labels() * d, d);
            double[] cumulative = null;
            if (task.zipf() > 0) {
                cumulative = new double[task.classes()];
                double total = 0;
                for (int k = 0; k < cumulative.length; k++) {
                    total += Math.pow(k + 1, -task.zipf());
                    cumulative[k] = total;
                }
                for (int k = 0; k < cumulative.length; k++) {
                    cumulative[k] /= total;
                }
            }
            return new Classes(task.classes(), means, labels, cumulative);
        }

        private static float[] gaussians(SplittableRandom rng, int count, int d) {
            float[] v = new float[count];
            for (int i = 0; i < count; i++) {
                v[i] = (float) (rng.nextGaussian() / Math.sqrt(d));
            }
            return v;
        }

        /** A class from the Zipf law: one {@code nextInt} where it is uniform, else one {@code nextDouble} against the cumulative law. */
        int draw(SplittableRandom rng) {
            if (cumulative == null) {
                return rng.nextInt(count);
            }
            double u = rng.nextDouble();
            int found = java.util.Arrays.binarySearch(cumulative, u);
            int k = found >= 0 ? found : -found - 1;
            return Math.min(k, cumulative.length - 1);
        }
    }
}
