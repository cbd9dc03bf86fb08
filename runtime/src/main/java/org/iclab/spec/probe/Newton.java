package org.iclab.spec.probe;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.Word;

/**
 * Iterative Newton's method for the pseudo-inverse of S = X^T X (Fu et al. 2023; Newton–Schulz): M_0 = α S,
 * M_{j+1} = 2 M_j - M_j S M_j, and iterate j estimates w_j = M_j X^T y, which converges to the minimum-norm
 * least-squares estimate. The scale is by default ({@code alpha: 'balanced'}) α = 2 / (λ_max² + λ_min²) over the
 * non-zero eigenvalues λ of S, which keeps every direction inside the convergence region; {@code alpha: 'paper'} is Fu
 * et al.'s α = 2 / ||S S^T||₂ = 2 / λ_max², under which the top direction starts exactly on the region's boundary
 * (m_0 = 2 / λ_max, m_1 = 4 / λ_max − λ_max · 4 / λ_max² = 0) and its iterate stays 0.
 *
 * <pre>
 * Java:   Iclab.newton()   (iterations 1..20)    Iclab.newton(10)   (1..10)
 * Groovy: newton(iterations: 1..20)              newton(iterations: [1, 2, 4, 8], alpha: 'paper')
 * </pre>
 */
@Setting("Iterative Newton's method for the pseudo-inverse of X^T X (Fu et al.): which of its iterations each layer matches.")
@Word("newton")
public record Newton(@Setting(value = "The iterations j compared (M_0 = alpha S is iteration 0).", range = "non-empty, each >= 0",
        defaults = "1..20") List<Integer> iterations,
                     @Setting(value = "The scale of M_0 = alpha S: 'balanced' (2 / (λ_max² + λ_min²), every direction converges) or "
                             + "'paper' (Fu et al.'s 2 / ||S S^T||₂: the top direction's iterate stays 0).", range = "balanced, paper")
                     String alpha) implements Algorithm {
    public static final int DEFAULT_ITERATIONS = 20;
    public static final String BALANCED = "balanced";
    public static final String PAPER = "paper";

    public Newton {
        alpha = alpha == null ? BALANCED : alpha; // spec.json written before the setting existed has none
        Problems.in("probes.newton").require(List.of(BALANCED, PAPER).contains(alpha), "alpha", "must be 'balanced' or 'paper'",
                "'" + alpha + "'").throwIfAny();
        Problems.in("probes.newton")
                .require(iterations != null && !iterations.isEmpty(), "iterations", "must name at least one iteration", iterations)
                .throwIfAny();
        Problems.in("probes.newton")
                .require(iterations.stream().allMatch(j -> j != null && j >= 0), "iterations", "must each be >= 0", iterations)
                .throwIfAny();
        iterations = List.copyOf(new java.util.TreeSet<>(iterations));
    }

    /** The given iterations, at the balanced scale. */
    public Newton(List<Integer> iterations) {
        this(iterations, BALANCED);
    }

    /** Iterations 1..20. */
    public Newton() {
        this(DEFAULT_ITERATIONS);
    }

    /** Iterations 1..{@code last}. */
    public Newton(int last) {
        this(range(last));
    }

    static List<Integer> range(int last) {
        List<Integer> list = new ArrayList<>();
        for (int j = 1; j <= last; j++) {
            list.add(j);
        }
        return list.isEmpty() ? List.of(last) : list;
    }

    /** An iterate's name in probes.csv: {@code newton(3)}, and {@code newton(3;alpha=paper)} at Fu et al.'s scale. */
    @Override
    public String label(int iterate) {
        return word() + "(" + iterate + (PAPER.equals(alpha) ? ";alpha=paper" : "") + ")";
    }

    @Override
    public List<Integer> iterates() {
        return iterations;
    }
}
