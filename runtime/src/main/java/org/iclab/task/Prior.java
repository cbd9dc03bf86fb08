package org.iclab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The prior of a function class whose posterior has a closed form ({@link FunctionClass#prior}), as a finite mixture
 * of hypotheses, each with a prior weight, a marginal likelihood of the examples and a predictive mean; the
 * posterior mean of y_k given the examples before it is Σ_h p(h | data) · E[y_k | h, data] ({@code bayes()}).
 * A class builds its prior from two kinds of hypothesis:
 * <ul>
 * <li>{@link Gaussian}: y = w·φ(x) + N(0, σ²) with w ~ N(0, τ²I) on some features φ (coordinates of x, or a
 * representation Φ(x)), whose posterior mean is ridge with λ = σ²/τ²;</li>
 * <li>{@link Member}: one fixed function, y = f(x) + N(0, σ²) (a finite pool of functions, a finite hypothesis set).</li>
 * </ul>
 * A noiseless class is taken as the limit of small noise, σ = {@link #NOISELESS} · τ: the predictions differ from the
 * exact limit by O(σ²/τ²), and a hypothesis that cannot produce the examples gets a vanishing weight, as it should.
 */
public final class Prior {
    /** The noise standard deviation a noiseless class is given, relative to its prior scale τ (the limit σ → 0). */
    public static final double NOISELESS = 1e-3;
    /** The most supports a sparse prior may enumerate. */
    public static final int MOST_SUPPORTS = 200_000;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Consumer<List<Hypothesis>> enumerate;
    private final double noise;
    private volatile List<Hypothesis> hypotheses;

    /**
     * A prior whose hypotheses {@code enumerate} adds (only when the posterior is first asked for), observed with
     * noise σ = {@code noise} (NaN where its hypotheses observe with different noise levels).
     */
    public Prior(double noise, Consumer<List<Hypothesis>> enumerate) {
        this.noise = noise;
        this.enumerate = enumerate;
    }

    /** A prior of the given hypotheses, observed with noise {@code noise}. */
    public static Prior of(double noise, List<Hypothesis> hypotheses) {
        return new Prior(noise, out -> out.addAll(hypotheses));
    }

    /** The Gaussian prior w ~ N(0, τ²I) on every coordinate of x in {@code dims}: one hypothesis, observed with noise σ. */
    public static Prior gaussian(int dims, double tau, double sigma) {
        return new Prior(sigma, out -> out.add(new Gaussian(0, all(dims), tau, sigma)));
    }

    /**
     * Linear regression on a random support of {@code sparsity} of {@code dims} coordinates: one Gaussian hypothesis
     * (w ~ N(0, τ²I) on the support) per support, equally likely; noiseless (σ = {@link #NOISELESS} · τ).
     */
    public static Prior sparse(int dims, int sparsity, double tau) {
        double sigma = noiseOr(0, tau);
        return new Prior(sigma, out -> {
            List<int[]> supports = supports(dims, sparsity);
            for (int[] support : supports) {
                out.add(new Gaussian(-Math.log(supports.size()), support, tau, sigma));
            }
        });
    }

    /** σ, the observation noise of every hypothesis (NaN where they differ). */
    public double noise() {
        return noise;
    }

    /** The hypotheses with their log prior weights (which sum to 1 in probability). */
    public List<Hypothesis> hypotheses() {
        List<Hypothesis> known = hypotheses;
        if (known == null) {
            synchronized (this) { // evaluation threads share one prior: enumerate once
                known = hypotheses;
                if (known == null) {
                    List<Hypothesis> all = new ArrayList<>();
                    enumerate.accept(all);
                    known = List.copyOf(all);
                    hypotheses = known;
                }
            }
        }
        return known;
    }

    /** The same hypotheses, each log prior weight offset by {@code logWeight} (a component of a mixture). */
    public List<Hypothesis> weighted(double logWeight) {
        return hypotheses().stream().map(h -> h.reweighted(h.logPrior + logWeight)).toList();
    }

    /** σ = {@link #NOISELESS} · τ for a class without noise, else its own. */
    public static double noiseOr(double own, double tau) {
        return own > 0 ? own : NOISELESS * tau;
    }

    static int[] all(int dims) {
        return java.util.stream.IntStream.range(0, dims).toArray();
    }

    /** Every subset of {@code size} of 0..dims-1, in lexicographic order. */
    public static List<int[]> supports(int dims, int size) {
        double count = 1;
        for (int i = 0; i < size; i++) {
            count = count * (dims - i) / (i + 1);
        }
        if (count > MOST_SUPPORTS) {
            throw new IllegalArgumentException("bayes() would enumerate " + (long) count + " supports (dims " + dims + ", sparsity "
                    + size + "); at most " + MOST_SUPPORTS + " are allowed");
        }
        List<int[]> out = new ArrayList<>();
        int[] s = new int[size];
        for (int i = 0; i < size; i++) {
            s[i] = i;
        }
        while (true) {
            out.add(s.clone());
            int i = size - 1;
            while (i >= 0 && s[i] == dims - size + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            s[i]++;
            for (int j = i + 1; j < size; j++) {
                s[j] = s[j - 1] + 1;
            }
        }
    }

    /** The posterior mean of y at position {@code k} of prompt {@code prompt}, given the examples before it. */
    public double predictAt(PromptBatch batch, int prompt, int k) {
        List<Hypothesis> hypotheses = hypotheses();
        List<State> states = start(hypotheses);
        for (int j = 0; j < k; j++) {
            for (State s : states) {
                s.add(batch, prompt, j);
            }
        }
        return posteriorMean(hypotheses, states, batch, prompt, k);
    }

    /** {@link #predictAt} at every k of prompt {@code prompt}, updating each hypothesis one example at a time. */
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        List<Hypothesis> hypotheses = hypotheses();
        List<State> states = start(hypotheses);
        for (int k = 0; k < out.length; k++) {
            if (k > 0) {
                for (State s : states) {
                    s.add(batch, prompt, k - 1);
                }
            }
            out[k] = posteriorMean(hypotheses, states, batch, prompt, k);
        }
        return out;
    }

    private static List<State> start(List<Hypothesis> hypotheses) {
        List<State> states = new ArrayList<>(hypotheses.size());
        for (Hypothesis h : hypotheses) {
            states.add(h.start());
        }
        return states;
    }

    /** Σ_h p(h | data) E[y_k | h, data], the weights normalised in log space. */
    private static double posteriorMean(List<Hypothesis> hypotheses, List<State> states, PromptBatch batch, int prompt, int k) {
        double[] logits = new double[states.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int h = 0; h < logits.length; h++) {
            logits[h] = hypotheses.get(h).logPrior + states.get(h).logEvidence();
            max = Math.max(max, logits[h]);
        }
        double total = 0;
        double mean = 0;
        for (int h = 0; h < logits.length; h++) {
            double w = Math.exp(logits[h] - max);
            if (w > 1e-300) {
                total += w;
                mean += w * states.get(h).predict(batch, prompt, k);
            }
        }
        return mean / total;
    }

    /** One hypothesis of the prior: its log prior weight and a fresh state for one prompt. */
    public abstract static class Hypothesis {
        final double logPrior;

        Hypothesis(double logPrior) {
            this.logPrior = logPrior;
        }

        /** A fresh state, before any example. */
        public abstract State start();

        /** The same hypothesis with log prior weight {@code logPrior}. */
        abstract Hypothesis reweighted(double logPrior);
    }

    /** A hypothesis after the examples of one prompt's prefix. */
    public interface State {
        void add(PromptBatch batch, int prompt, int j);

        /** log p(examples so far | hypothesis). */
        double logEvidence();

        /** E[y | hypothesis, examples so far] at the input of position {@code k}. */
        double predict(PromptBatch batch, int prompt, int k);
    }

    /**
     * y = w·x_S + N(0, σ²) with w ~ N(0, τ²I) on the coordinates S. In weight space: A = X_SᵀX_S/σ² + I/τ², the
     * posterior mean A⁻¹X_Sᵀy/σ², and log p(y) = −½(yᵀy/σ² − cᵀA⁻¹c) − ½ log det A − |S| log τ − n log σ − n/2 log 2π
     * with c = X_Sᵀy/σ² (Woodbury and the matrix determinant lemma), so a prefix costs one |S|×|S| Cholesky.
     */
    public static final class Gaussian extends Hypothesis {
        final Features features;
        final double tau;
        final double sigma;

        public Gaussian(double logPrior, int[] support, double tau, double sigma) {
            this(logPrior, coordinates(support), tau, sigma);
        }

        public Gaussian(double logPrior, Features features, double tau, double sigma) {
            super(logPrior);
            this.features = features;
            this.tau = tau;
            this.sigma = sigma;
        }

        @Override
        Hypothesis reweighted(double logPrior) {
            return new Gaussian(logPrior, features, tau, sigma);
        }

        @Override
        public State start() {
            int s = features.size();
            double[] f = new double[s];
            return new State() {
                private final double[] gram = new double[s * s];
                private final double[] xty = new double[s];
                private double yy;
                private int n;
                private boolean solved;
                private double logEvidence;
                private final double[] mean = new double[s];
                private final DMatrixRMaj a = new DMatrixRMaj(s, s);
                private final CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(s, true);

                @Override
                public void add(PromptBatch batch, int prompt, int j) {
                    double y = batch.y(prompt, j);
                    features.read(batch, prompt, j, f);
                    for (int r = 0; r < s; r++) {
                        xty[r] += f[r] * y;
                        for (int c = 0; c < s; c++) {
                            gram[r * s + c] += f[r] * f[c];
                        }
                    }
                    yy += y * y;
                    n++;
                    solved = false;
                }

                private void solve() {
                    if (solved) {
                        return;
                    }
                    double noise = sigma * sigma;
                    for (int i = 0; i < s * s; i++) {
                        a.data[i] = gram[i] / noise;
                    }
                    for (int r = 0; r < s; r++) {
                        a.data[r * s + r] += 1 / (tau * tau);
                    }
                    if (!chol.decompose(a)) {
                        throw new IllegalStateException("bayes(): the posterior precision is not positive definite");
                    }
                    DMatrixRMaj lower = chol.getT(null);
                    // A = L Lᵀ: forward then back substitution for A⁻¹c
                    double[] z = new double[s];
                    for (int r = 0; r < s; r++) {
                        double v = xty[r] / noise;
                        for (int c = 0; c < r; c++) {
                            v -= lower.get(r, c) * z[c];
                        }
                        z[r] = v / lower.get(r, r);
                    }
                    for (int r = s - 1; r >= 0; r--) {
                        double v = z[r];
                        for (int c = r + 1; c < s; c++) {
                            v -= lower.get(c, r) * mean[c];
                        }
                        mean[r] = v / lower.get(r, r);
                    }
                    double quadratic = yy / noise;
                    double logDetHalf = 0;
                    for (int r = 0; r < s; r++) {
                        quadratic -= z[r] * z[r]; // cᵀA⁻¹c = |L⁻¹c|²
                        logDetHalf += Math.log(lower.get(r, r));
                    }
                    logEvidence = -0.5 * quadratic - logDetHalf - s * Math.log(tau) - n * Math.log(sigma) - 0.5 * n * LOG_2PI;
                    solved = true;
                }

                @Override
                public double logEvidence() {
                    if (n == 0) {
                        return 0;
                    }
                    solve();
                    return logEvidence;
                }

                @Override
                public double predict(PromptBatch batch, int prompt, int k) {
                    if (n == 0) {
                        return 0;
                    }
                    solve();
                    features.read(batch, prompt, k, f);
                    double y = 0;
                    for (int r = 0; r < s; r++) {
                        y += mean[r] * f[r];
                    }
                    return y;
                }
            };
        }
    }

    /** What a Gaussian hypothesis regresses on: some coordinates of x, or a representation Φ(x). */
    public interface Features {
        int size();

        /** The features of position {@code j} of prompt {@code prompt}, into {@code out}. */
        void read(PromptBatch batch, int prompt, int j, double[] out);
    }

    /** The coordinates {@code support} of x. */
    public static Features coordinates(int[] support) {
        return new Features() {
            @Override
            public int size() {
                return support.length;
            }

            @Override
            public void read(PromptBatch batch, int prompt, int j, double[] out) {
                for (int r = 0; r < support.length; r++) {
                    out[r] = batch.x(prompt, j, support[r]);
                }
            }
        };
    }

    /** One function of a finite pool: y = f(x) + N(0, σ²). */
    public static final class Member extends Hypothesis {
        private final TaskFunction f;
        private final double sigma;

        public Member(double logPrior, TaskFunction f, double sigma) {
            super(logPrior);
            this.f = f;
            this.sigma = sigma;
        }

        @Override
        Hypothesis reweighted(double logPrior) {
            return new Member(logPrior, f, sigma);
        }

        @Override
        public State start() {
            return new State() {
                private double squares;
                private int n;

                @Override
                public void add(PromptBatch batch, int prompt, int j) {
                    double r = batch.y(prompt, j) - f.apply(batch.xs(), batch.offset(prompt, j));
                    squares += r * r;
                    n++;
                }

                @Override
                public double logEvidence() {
                    return -squares / (2 * sigma * sigma) - n * Math.log(sigma) - 0.5 * n * LOG_2PI;
                }

                @Override
                public double predict(PromptBatch batch, int prompt, int k) {
                    return f.apply(batch.xs(), batch.offset(prompt, k));
                }
            };
        }
    }
}
