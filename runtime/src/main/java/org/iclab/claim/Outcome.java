package org.iclab.claim;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A claim over seeds: what it read at each seed, the mean of its numbers, a 90% interval for that mean across seeds
 * (Student's t on the seeds' values: mean ± t(0.95, n − 1) · s / √n; none with fewer than two numbers), and its
 * verdict.
 *
 * @param claim    the finding
 * @param paper    where the paper states it, or null
 * @param bound    where the number must lie ({@code ≥ 0.95}), or null for a yes-or-no claim
 * @param location where the claim is declared, or null
 * @param seeds    the seed offsets read, in order (0: each experiment's own seed; i: its seed + i)
 * @param values   each seed's number (null for a yes-or-no claim or a reading that failed)
 * @param holds    whether it held at each seed
 * @param errors   why a reading failed, or null, at each seed
 * @param mean     the mean of the numbers, or null
 * @param low      the interval's low end, or null
 * @param high     the interval's high end, or null
 */
public record Outcome(String claim, String paper, String bound, String location, List<Long> seeds, List<Double> values,
                      List<Boolean> holds, List<String> errors, Double mean, Double low, Double high, Verdict verdict) {
    /** The confidence of the interval across seeds. */
    public static final double CONFIDENCE = 0.9;

    /** The outcome of {@code claim} from its readings at the seed offsets {@code seeds}, in order. */
    public static Outcome of(Claim claim, List<Long> seeds, List<Claim.Reading> readings) {
        if (seeds.size() != readings.size()) {
            throw new IllegalArgumentException(seeds.size() + " seeds but " + readings.size() + " readings");
        }
        List<Double> values = new ArrayList<>();
        List<Boolean> holds = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Claim.Reading r : readings) {
            values.add(r.value());
            holds.add(r.holds());
            errors.add(r.error());
        }
        double[] numbers = values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray();
        Double mean = null;
        Double low = null;
        Double high = null;
        if (numbers.length > 0) {
            double sum = 0;
            for (double v : numbers) {
                sum += v;
            }
            mean = sum / numbers.length;
            if (numbers.length > 1) {
                double ss = 0;
                for (double v : numbers) {
                    ss += (v - mean) * (v - mean);
                }
                double se = Math.sqrt(ss / (numbers.length - 1)) / Math.sqrt(numbers.length);
                double t = new TDistribution(numbers.length - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
                low = mean - t * se;
                high = mean + t * se;
            }
        }
        return new Outcome(claim.name(), claim.paper(), claim.bound() == null ? null : claim.bound().toString(), claim.location(),
                List.copyOf(seeds), java.util.Collections.unmodifiableList(values), List.copyOf(holds),
                java.util.Collections.unmodifiableList(errors), mean, low, high, Verdict.of(holds));
    }
}
