package org.iclab.spec.inputs;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.iclab.spec.Word;

/**
 * Gaussian inputs as Garg et al.'s GaussianSampler: x = scale · z·T + bias with z ~ N(0, I_d), then the coordinates
 * at or past the curriculum's active dimensions set to 0. T is the identity for {@code 'isotropic'} inputs;
 * otherwise it is U·diag(λ)·V with U, V random orthogonal matrices, scaled so that E|z·T|² = d, and drawn once
 * per experiment from the seed stream {@code INPUTS}: {@code 'skewed'} has λ_i ∝ 1/i (so the covariance's
 * eigenvalues fall as 1/i²), {@code 'lowRank'} has λ = 1 on {@code rank} directions and 0 on the rest.
 *
 * <pre>
 * Java:   Iclab.gaussian()                    Groovy:  inputs gaussian()
 *         Iclab.gaussian(2, 0, "skewed")               inputs gaussian(scale: 2, covariance: 'skewed')
 *         Iclab.gaussian(1, 0, "lowRank", 10)          inputs gaussian(covariance: 'lowRank', rank: 10)
 * </pre>
 */
@Setting("Gaussian inputs x = scale * z.T + bias, z ~ N(0, I_d); T is the identity (isotropic) or a random transform"
        + " drawn once per experiment and normalised so that E|z.T|^2 = d.")
@Word("gaussian")
public record Gaussian(
        @Setting(value = "Multiplies every input.", range = "a finite number > 0") double scale,
        @Setting(value = "Added to every active coordinate of every input.", range = "a finite number") double bias,
        @Setting(value = "The covariance of z.T: isotropic (the identity), skewed (eigenvalues proportional to 1/i^2,"
                + " i = 1..d) or lowRank (variance on rank random directions, none on the rest).",
                range = "isotropic, skewed, lowRank") String covariance,
        @Setting(value = "Dimension of the lowRank subspace.", range = "1..task.dims, lowRank only",
                defaults = "task.dims / 2 for lowRank") Integer rank) implements Inputs {
    public static final String ISOTROPIC = "isotropic";
    public static final String SKEWED = "skewed";
    public static final String LOW_RANK = "lowRank";
    /** The covariances there are, in the order {@code describe} lists them. */
    public static final List<String> COVARIANCES = List.of(ISOTROPIC, SKEWED, LOW_RANK);

    public Gaussian {
        Problems.in("inputs")
                .require(scale > 0 && Double.isFinite(scale), "scale", "must be a finite number > 0", scale)
                .require(Double.isFinite(bias), "bias", "must be a finite number", bias)
                .require(COVARIANCES.contains(covariance), "covariance", "must be one of " + COVARIANCES,
                        covariance == null ? "missing" : "'" + covariance + "'")
                .require(rank == null || rank > 0, "rank", "must be > 0", rank)
                .require(rank == null || LOW_RANK.equals(covariance), "rank", "is only taken by covariance 'lowRank'",
                        covariance == null ? "missing" : "'" + covariance + "'")
                .throwIfAny();
    }

    /** Isotropic standard normal inputs, x ~ N(0, I_d). */
    public Gaussian() {
        this(1, 0, ISOTROPIC, null);
    }

    /**
     * spec.json written before the inputs had settings holds only {@code {"type": "gaussian"}}; absent settings take
     * their defaults, so such runs still load and resume.
     */
    @JsonCreator
    static Gaussian fromJson(@JsonProperty("scale") Double scale, @JsonProperty("bias") Double bias,
                             @JsonProperty("covariance") String covariance, @JsonProperty("rank") Integer rank) {
        return new Gaussian(scale == null ? 1 : scale, bias == null ? 0 : bias, covariance == null ? ISOTROPIC : covariance, rank);
    }

    /**
     * The dimension of the subspace the inputs span (before the bias): {@code rank} (by default dims / 2) for
     * lowRank inputs, {@code dims} otherwise.
     */
    /** A low-rank covariance spans at least one and at most task.dims directions. */
    @Override
    public List<org.iclab.spec.Problem> problemsWith(org.iclab.spec.task.Task task) {
        if (!LOW_RANK.equals(covariance)) {
            return List.of();
        }
        int span = span(task.dims());
        return org.iclab.spec.Problems.in("inputs").require(span <= task.dims(), "rank", "must be <= task.dims", span + " > " + task.dims())
                .require(span >= 1, "rank", "must be set where task.dims < 2 (its default is task.dims / 2)", "missing with task.dims " + task.dims())
                .list();
    }

    public int span(int dims) {
        if (!LOW_RANK.equals(covariance)) {
            return dims;
        }
        return rank != null ? rank : dims / 2;
    }

    /** The same inputs with another covariance (and the rank it takes; null for the default or none). */
    public Gaussian withCovariance(String covariance, Integer rank) {
        return new Gaussian(scale, bias, covariance, rank);
    }
}
