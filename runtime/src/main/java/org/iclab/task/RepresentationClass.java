package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.task.Representation;

/**
 * The sampler of {@link Representation}: Φ is drawn once per task record ({@link #phi}); per prompt, from its stream,
 * w ~ N(0, I_width), then per point after the labels the noise.
 */
public final class RepresentationClass implements FunctionClass<Representation> {
    @Override
    public Class<Representation> spec() {
        return Representation.class;
    }

    @Override
    public TaskFunction draw(Representation task, SplittableRandom rng, int activeDims) {
        Phi phi = phi(task);
        double[] w = FunctionClasses.gaussians(rng, task.width());
        return (xs, offset) -> {
            double[] features = phi.apply(xs, offset, activeDims);
            double y = 0;
            for (int i = 0; i < w.length; i++) {
                y += w[i] * features[i];
            }
            return y;
        };
    }

    /** Gaussian weights on Φ(x) (τ = 1) with the task's noise: ridge on Φ(x). */
    @Override
    public Prior prior(Representation task) {
        double sigma = Prior.noiseOr(task.noise(), 1);
        return new Prior(sigma, out -> out.add(new Prior.Gaussian(0, features(task), 1, sigma)));
    }

    /** Φ(x), the features the prior regresses on. */
    static Prior.Features features(Representation task) {
        Phi phi = phi(task);
        return new Prior.Features() {
            @Override
            public int size() {
                return phi.width();
            }

            @Override
            public void read(PromptBatch batch, int prompt, int j, double[] out) {
                double[] features = phi.at(batch, prompt, j);
                System.arraycopy(features, 0, out, 0, features.length);
            }
        };
    }

    @Override
    public double observe(Representation task, SplittableRandom rng, double clean, int activeDims) {
        return task.noise() > 0 ? clean + task.noise() * rng.nextGaussian() : clean;
    }

    /** The Φ of {@code task}: the same for equal records (drawn from {@code phiSeed} alone), cached. */
    public static Phi phi(Representation task) {
        return CACHE.computeIfAbsent(task, Phi::draw);
    }

    private static final java.util.Map<Representation, Phi> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A fixed MLP: layer l maps its input through matrix W_l ([out, in], orthonormal columns where out ≥ in, orthonormal
     * rows where out < in), then the activation. Drawn from {@code phiSeed}: each matrix a Gaussian matrix made
     * orthonormal by Gram–Schmidt, layer after layer.
     */
    public record Phi(double[][][] weights, String activation) {
        static Phi draw(Representation task) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(task.phiSeed(), Seeds.Stream.PHI, 0));
            double[][][] weights = new double[task.layers()][][];
            int in = task.dims();
            for (int l = 0; l < task.layers(); l++) {
                weights[l] = orthonormal(rng, task.width(), in);
                in = task.width();
            }
            return new Phi(weights, task.activation());
        }

        /** A [rows, cols] matrix with orthonormal columns (rows ≥ cols) or orthonormal rows (rows < cols). */
        static double[][] orthonormal(SplittableRandom rng, int rows, int cols) {
            boolean tall = rows >= cols;
            int n = tall ? cols : rows; // vectors to orthonormalise
            int len = tall ? rows : cols; // their length
            double[][] v = new double[n][len];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < len; j++) {
                    v[i][j] = rng.nextGaussian();
                }
                for (int k = 0; k < i; k++) { // modified Gram–Schmidt, twice for accuracy
                    for (int pass = 0; pass < 2; pass++) {
                        double dot = 0;
                        for (int j = 0; j < len; j++) {
                            dot += v[i][j] * v[k][j];
                        }
                        for (int j = 0; j < len; j++) {
                            v[i][j] -= dot * v[k][j];
                        }
                    }
                }
                double norm = 0;
                for (int j = 0; j < len; j++) {
                    norm += v[i][j] * v[i][j];
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < len; j++) {
                    v[i][j] /= norm;
                }
            }
            double[][] m = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    m[r][c] = tall ? v[c][r] : v[r][c];
                }
            }
            return m;
        }

        /** Φ of the input of point {@code point} of prompt {@code prompt}, every coordinate read. */
        public double[] at(PromptBatch batch, int prompt, int point) {
            return apply(batch.xs(), batch.offset(prompt, point), batch.dims());
        }

        /** Φ of the input at {@code xs[offset ..]}, reading its first {@code activeDims} coordinates. */
        public double[] apply(float[] xs, int offset, int activeDims) {
            double[] h = new double[weights[0][0].length];
            for (int j = 0; j < activeDims; j++) {
                h[j] = xs[offset + j];
            }
            for (double[][] w : weights) {
                double[] next = new double[w.length];
                for (int r = 0; r < w.length; r++) {
                    double s = 0;
                    for (int c = 0; c < h.length; c++) {
                        s += w[r][c] * h[c];
                    }
                    next[r] = activate(s);
                }
                h = next;
            }
            return h;
        }

        private double activate(double v) {
            return switch (activation) {
                case Representation.TANH -> Math.tanh(v);
                case Representation.LINEAR -> v;
                default -> v > 0 ? Math.sqrt(2) * v : 0;
            };
        }

        /** The output width. */
        public int width() {
            return weights[weights.length - 1].length;
        }
    }
}
