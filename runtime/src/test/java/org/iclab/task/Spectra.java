package org.iclab.task;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Spectra of sampled inputs, through EJML's SVD and symmetric eigen-decomposition (not the code under test). */
final class Spectra {
    private Spectra() {
    }

    /** A batch's inputs, all prompts stacked: [batch·points, dims]. */
    static DMatrixRMaj inputs(PromptBatch b) {
        DMatrixRMaj m = new DMatrixRMaj(b.batch() * b.points(), b.dims());
        for (int i = 0; i < b.xs().length; i++) {
            m.data[i] = b.xs()[i];
        }
        return m;
    }

    /** Singular values, largest first. */
    static double[] singularValues(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        if (!svd.decompose(m.copy())) {
            throw new IllegalStateException("SVD failed");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), Math.min(m.numRows, m.numCols));
        Arrays.sort(s);
        reverse(s);
        return s;
    }

    /** Singular values above {@code relative} times the largest. */
    static int rank(DMatrixRMaj m, double relative) {
        double[] s = singularValues(m);
        return (int) Arrays.stream(s).filter(v -> v > relative * s[0]).count();
    }

    /** Eigenvalues of the second-moment matrix X^T X / n, largest first. */
    static double[] secondMomentEigenvalues(DMatrixRMaj x) {
        int d = x.numCols;
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(x, x, c);
        org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / x.numRows, c);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(c)) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double[] l = new double[d];
        for (int i = 0; i < d; i++) {
            l[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(l);
        reverse(l);
        return l;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
