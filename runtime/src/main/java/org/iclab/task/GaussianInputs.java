package org.iclab.task;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.iclab.spec.inputs.Gaussian;

/**
 * A {@link Gaussian} declaration made concrete for one task dimension and one seed: x = scale · z·T + bias, with the
 * transform T (null for isotropic inputs) drawn once, here, as Garg et al.'s {@code sample_transformation}.
 */
final class GaussianInputs implements InputSampler.Draws {
    private final int dims;
    private final double scale;
    private final double bias;
    /** T row-major [dims, dims], or null for the identity. */
    private final double[] transform;
    private final int span;

    private GaussianInputs(int dims, double scale, double bias, double[] transform, int span) {
        this.dims = dims;
        this.scale = scale;
        this.bias = bias;
        this.transform = transform;
        this.span = span;
    }

    /** The inputs {@code spec} declares in {@code dims} dimensions; a non-isotropic transform is drawn from {@code seed}. */
    static GaussianInputs of(Gaussian spec, int dims, long seed) {
        int span = spec.span(dims);
        double[] eigenvalues = new double[dims];
        switch (spec.covariance()) {
            case Gaussian.ISOTROPIC -> {
                return new GaussianInputs(dims, spec.scale(), spec.bias(), null, dims);
            }
            case Gaussian.SKEWED -> {
                for (int i = 0; i < dims; i++) {
                    eigenvalues[i] = 1.0 / (i + 1);
                }
            }
            case Gaussian.LOW_RANK -> {
                if (span < 1 || span > dims) {
                    throw new IllegalArgumentException("inputs: rank must be in [1, " + dims + "], was " + span);
                }
                for (int i = 0; i < span; i++) {
                    eigenvalues[i] = 1;
                }
            }
            default -> throw new IllegalArgumentException("no sampler for covariance '" + spec.covariance() + "'");
        }
        return new GaussianInputs(dims, spec.scale(), spec.bias(), transform(eigenvalues, new SplittableRandom(seed)), span);
    }

    /**
     * U·diag(λ)·V·sqrt(d / Σλ²) with U, V Haar-random orthogonal (so E|z·T|² = d for z ~ N(0, I_d)), row-major.
     */
    static double[] transform(double[] eigenvalues, SplittableRandom rng) {
        int d = eigenvalues.length;
        DMatrixRMaj u = randomOrthogonal(d, rng);
        DMatrixRMaj v = randomOrthogonal(d, rng);
        double sumSquares = 0;
        for (double l : eigenvalues) {
            sumSquares += l * l;
        }
        double norm = Math.sqrt(d / sumSquares);
        DMatrixRMaj scaledU = u.copy();
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                scaledU.set(r, c, u.get(r, c) * eigenvalues[c] * norm);
            }
        }
        DMatrixRMaj t = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(scaledU, v, t);
        return t.data.clone();
    }

    /**
     * A Haar-distributed orthogonal matrix (Mezzadri 2007): Q of the QR decomposition of a standard Gaussian matrix,
     * its columns' signs fixed so that R has a positive diagonal (without the fix Q is not uniformly distributed).
     */
    static DMatrixRMaj randomOrthogonal(int d, SplittableRandom rng) {
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            g.data[i] = rng.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        if (!qr.decompose(g.copy())) {
            throw new IllegalStateException("QR decomposition of a random " + d + "x" + d + " matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int c = 0; c < d; c++) {
            if (r.get(c, c) < 0) {
                for (int row = 0; row < d; row++) {
                    q.set(row, c, -q.get(row, c));
                }
            }
        }
        return q;
    }

    /** The dimension of the subspace the inputs span before the bias (dims, or the lowRank rank). */
    @Override
    public int span() {
        return span;
    }

    /**
     * Draws {@code count} inputs into consecutive rows from {@code offset}; coordinates at or past {@code activeDims}
     * are left 0. Isotropic inputs draw only the active coordinates, in order (so seeded draws never moved when the
     * other covariances arrived); transformed ones draw all of z, as Garg et al. do before truncating.
     */
    @Override
    public void draw(SplittableRandom rng, float[] xs, int offset, int count, int activeDims) {
        if (transform == null) {
            for (int i = 0; i < count; i++) {
                int row = offset + i * dims;
                for (int j = 0; j < activeDims; j++) {
                    double v = rng.nextGaussian();
                    if (scale != 1) {
                        v *= scale;
                    }
                    if (bias != 0) {
                        v += bias;
                    }
                    xs[row + j] = (float) v;
                }
            }
            return;
        }
        double[] z = new double[dims];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dims; j++) {
                z[j] = rng.nextGaussian();
            }
            int row = offset + i * dims;
            for (int c = 0; c < activeDims; c++) {
                double v = 0;
                for (int j = 0; j < dims; j++) {
                    v += z[j] * transform[j * dims + c];
                }
                xs[row + c] = (float) (scale * v + bias);
            }
        }
    }
}
