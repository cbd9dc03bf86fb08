package org.iclab.spec.probe;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.Word;

/**
 * Iterative Newton's method for the pseudo-inverse of S = X^T X (Fu et al. 2023; Newton–Schulz): M_0 = α S,
 * M_{j+1} = 2 M_j - M_j S M_j, and iterate j estimates w_j = M_j X^T y, which converges to the minimum-norm
 * least-squares estimate. The scale is α = 2 / (λ_max² + λ_min²) over the non-zero eigenvalues λ of S, which keeps
 * every direction inside the convergence region (Fu et al. write α = 2 / ||S S^T||₂, under which the top direction
 * starts exactly on its boundary and its iterate stays 0).
 *
 * <pre>
 * Java:   Iclab.newton()   (iterations 1..20)    Iclab.newton(10)   (1..10)
 * Groovy: newton(iterations: 1..20)              newton(iterations: [1, 2, 4, 8])
 * </pre>
 */
@Setting("Iterative Newton's method for the pseudo-inverse of X^T X (Fu et al.): which of its iterations each layer matches.")
@Word("newton")
public record Newton(@Setting(value = "The iterations j compared (M_0 = alpha S is iteration 0).", range = "non-empty, each >= 0",
        defaults = "1..20") List<Integer> iterations) implements Algorithm {
    public static final int DEFAULT_ITERATIONS = 20;

    public Newton {
        Problems.in("probes.newton")
                .require(iterations != null && !iterations.isEmpty(), "iterations", "must name at least one iteration", iterations)
                .throwIfAny();
        Problems.in("probes.newton")
                .require(iterations.stream().allMatch(j -> j != null && j >= 0), "iterations", "must each be >= 0", iterations)
                .throwIfAny();
        iterations = List.copyOf(new java.util.TreeSet<>(iterations));
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

    @Override
    public List<Integer> iterates() {
        return iterations;
    }
}
