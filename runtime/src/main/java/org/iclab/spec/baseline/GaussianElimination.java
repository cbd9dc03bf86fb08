package org.iclab.spec.baseline;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Parity learning by Gaussian elimination over GF(2): each example (x, y) is the equation Σ_{i ∈ S} b_i = c (mod 2)
 * in the unknown subset S, with b_i = (x_i + 1) / 2 and c = (y + 1) / 2. The examples seen so far are reduced to
 * echelon form; the query is predicted by the solution whose free coordinates are 0. The prediction is exact
 * whenever the query's b lies in the span of the examples' (so for every query once they span {0, 1}^n, typically
 * k ≥ n); an example that contradicts the earlier ones (label noise) is dropped.
 *
 * <pre>
 * Java:   Iclab.gaussianElimination()         Groovy:  gaussianElimination()
 * </pre>
 */
@Setting("Solves for the parity's subset over GF(2) from the examples seen so far (exact once they span the query).")
@Word("gaussianElimination")
public record GaussianElimination() implements Baseline {
}
