package org.iclab.baseline;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.iclab.spec.Bayes;
import org.iclab.spec.Experiment;
import org.iclab.spec.LinearRegression;
import org.iclab.spec.Mixture;
import org.iclab.spec.NoisyLinearRegression;
import org.iclab.spec.Pool;
import org.iclab.spec.Representation;
import org.iclab.spec.SparseLinearRegression;
import org.iclab.spec.Task;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.iclab.task.RepresentationClass;
import org.iclab.task.TaskFunction;
import org.iclab.task.TrainingPool;

/**
 * {@code bayes()} on regression prompts: the posterior mean of y_k given the examples before it, under the prior the
 * experiment trains on. The prior is a finite mixture of hypotheses, each with a prior weight, a marginal likelihood
 * of the examples and a predictive mean, and the prediction is Σ_h p(h | data) · E[y_k | h, data]:
 * <ul>
 * <li>Gaussian linear regression (w ~ N(0, τ²I), noise σ): one hypothesis, the posterior mean ridge with
 * λ = σ²/τ²;</li>
 * <li>sparse regression: one Gaussian hypothesis per support of the declared size, equally likely a priori;</li>
 * <li>a mixture: the components' hypotheses, weighted by the mixture's weights;</li>
 * <li>a representation task (Guo et al.): the Gaussian hypothesis on Φ(x), ridge on Φ(x);</li>
 * <li>a finite training pool of M functions (Raventós et al.'s dMMSE): M point hypotheses, y = f_m(x) + noise.</li>
 * </ul>
 * A noiseless class is taken as the limit of small noise, σ = {@link Bayes#NOISELESS} · τ ({@link Bayes#noise}): the
 * predictions differ from the exact limit by O(σ²/τ²), and a support or pool member that cannot produce the examples
 * gets a vanishing weight, as it should.
 */
final class PosteriorMeanLearner implements Learner {
    /** The most hypotheses a sparse prior may enumerate. */
    static final int MOST_SUPPORTS = 200_000;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final List<Hypothesis> hypotheses;

    PosteriorMeanLearner(List<Hypothesis> hypotheses) {
        this.hypotheses = List.copyOf(hypotheses);
    }

    /** The learner of {@code experiment}'s training prior (its task, and its pool of functions where it has one). */
    static PosteriorMeanLearner of(Experiment experiment) {
        Task task = experiment.task();
        Pool pool = experiment.train().pool();
        String cannot = new Bayes().cannotScore(task, pool);
        if (cannot != null) {
            throw new IllegalArgumentException("bayes() " + cannot);
        }
        List<Hypothesis> all = new ArrayList<>();
        if (pool.limited()) {
            TrainingPool members = new TrainingPool(pool, experiment.seed(), PromptSampler.of(experiment));
            double sigma = task instanceof Mixture m ? Bayes.noise(m.components().get(0)) : Bayes.noise(task);
            for (int m = 0; m < pool.tasks(); m++) {
                all.add(new Member(-Math.log(pool.tasks()), members.member(m), sigma));
            }
        } else {
            add(task, 0, all);
        }
        return new PosteriorMeanLearner(all);
    }

    /** Adds {@code task}'s hypotheses, their log prior weights offset by {@code logWeight}. */
    static void add(Task task, double logWeight, List<Hypothesis> out) {
        double tau = Bayes.priorScale(task);
        double sigma = Bayes.noise(task);
        if (task instanceof Mixture m) {
            for (int i = 0; i < m.components().size(); i++) {
                if (m.probability(i) > 0) {
                    add(m.components().get(i), logWeight + Math.log(m.probability(i)), out);
                }
            }
        } else if (task instanceof LinearRegression || task instanceof NoisyLinearRegression) {
            out.add(new Gaussian(logWeight, all(task.dims()), tau, sigma));
        } else if (task instanceof SparseLinearRegression s) {
            List<int[]> supports = supports(s.dims(), s.sparsity());
            for (int[] support : supports) {
                out.add(new Gaussian(logWeight - Math.log(supports.size()), support, tau, sigma));
            }
        } else if (task instanceof Representation r) {
            out.add(new Gaussian(logWeight, representation(r), tau, sigma));
        } else {
            throw new IllegalArgumentException("bayes() has no closed-form posterior for " + task.getClass().getSimpleName());
        }
    }

    private static int[] all(int dims) {
        return java.util.stream.IntStream.range(0, dims).toArray();
    }

    /** Every subset of {@code size} of 0..dims-1, in lexicographic order. */
    static List<int[]> supports(int dims, int size) {
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

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        List<State> states = start();
        for (int j = 0; j < k; j++) {
            for (State s : states) {
                s.add(batch, prompt, j);
            }
        }
        return posteriorMean(states, batch, prompt, k);
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        List<State> states = start();
        for (int k = 0; k < out.length; k++) {
            if (k > 0) {
                for (State s : states) {
                    s.add(batch, prompt, k - 1);
                }
            }
            out[k] = posteriorMean(states, batch, prompt, k);
        }
        return out;
    }

    private List<State> start() {
        List<State> states = new ArrayList<>(hypotheses.size());
        for (Hypothesis h : hypotheses) {
            states.add(h.start());
        }
        return states;
    }

    /** Σ_h p(h | data) E[y_k | h, data], the weights normalised in log space. */
    private double posteriorMean(List<State> states, PromptBatch batch, int prompt, int k) {
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
    abstract static class Hypothesis {
        final double logPrior;

        Hypothesis(double logPrior) {
            this.logPrior = logPrior;
        }

        abstract State start();
    }

    /** A hypothesis after the examples of one prompt's prefix. */
    interface State {
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
    static final class Gaussian extends Hypothesis {
        final Features features;
        final double tau;
        final double sigma;

        Gaussian(double logPrior, int[] support, double tau, double sigma) {
            this(logPrior, coordinates(support), tau, sigma);
        }

        Gaussian(double logPrior, Features features, double tau, double sigma) {
            super(logPrior);
            this.features = features;
            this.tau = tau;
            this.sigma = sigma;
        }

        @Override
        State start() {
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
    interface Features {
        int size();

        /** The features of position {@code j} of prompt {@code prompt}, into {@code out}. */
        void read(PromptBatch batch, int prompt, int j, double[] out);
    }

    /** The coordinates {@code support} of x. */
    static Features coordinates(int[] support) {
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

    /** Φ(x) of a representation task. */
    static Features representation(Representation task) {
        RepresentationClass.Phi phi = RepresentationClass.phi(task);
        return new Features() {
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

    /** One function of a finite pool: y = f(x) + N(0, σ²). */
    static final class Member extends Hypothesis {
        private final TaskFunction f;
        private final double sigma;

        Member(double logPrior, TaskFunction f, double sigma) {
            super(logPrior);
            this.f = f;
            this.sigma = sigma;
        }

        @Override
        State start() {
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
