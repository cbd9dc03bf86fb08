package org.iclab.samples;

import static org.iclab.Iclab.adam;
import static org.iclab.Iclab.averaging;
import static org.iclab.Iclab.experiment;
import static org.iclab.Iclab.gaussian;
import static org.iclab.Iclab.gpt2;
import static org.iclab.Iclab.interleaved;
import static org.iclab.Iclab.leastSquares;
import static org.iclab.Iclab.linearRegression;
import static org.iclab.Iclab.nearestNeighbors;

import java.nio.file.Path;
import java.util.Locale;
import org.iclab.RunOptions;
import org.iclab.RunResult;

/**
 * Garg et al.'s tiny GPT-2 learning linear regression in context (d = 5, 11 points), declared with the Java API:
 * trains, evaluates against least squares, 3-nearest neighbours and averaging, and prints error/d at each k.
 *
 * <pre>
 * java org.iclab.samples.LinearRegressionSample [steps] [run-directory]
 * </pre>
 */
public final class LinearRegressionSample {
    private LinearRegressionSample() {
    }

    public static RunResult run(int steps, Path out) {
        RunOptions.Builder options = RunOptions.builder();
        if (out != null) {
            options.out(out);
        }
        return experiment("lr-tiny-java")
                .seed(7)
                .task(linearRegression(5))
                .inputs(gaussian())
                .prompt(interleaved(11))
                .model(gpt2("tiny"))
                .train(t -> t.steps(steps).batch(64).optimizer(adam(1e-3)).logEvery(250).checkpointEvery(1000))
                .evaluate(e -> e.prompts(1280).baselines(leastSquares(), nearestNeighbors(3), averaging()))
                .run(options.build());
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        Path out = args.length > 1 ? Path.of(args[1]) : null;
        RunResult r = run(steps, out);
        System.out.printf(Locale.ROOT, "trained %d steps in %.0f s (final loss %.4f)%n", steps, r.wallSeconds(), r.finalLoss());
        System.out.println("error / d at k in-context examples:");
        System.out.printf(Locale.ROOT, "%-18s", "k");
        for (int k = 0; k <= 10; k += 2) {
            System.out.printf(Locale.ROOT, "%8d", k);
        }
        System.out.println();
        for (var curve : r.curves()) {
            System.out.printf(Locale.ROOT, "%-18s", curve.learner());
            for (int k = 0; k <= 10; k += 2) {
                System.out.printf(Locale.ROOT, "%8.3f", curve.at(k));
            }
            System.out.println();
        }
        System.out.println("run directory: " + r.directory());
    }
}
