package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearRegression;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * LayerNorm and GELU with their lean backward passes ({@link Layers}) against the textbook forms differentiated op by
 * op: the same values to the bit (but for the sign of zero), the same gradients to float rounding; and a whole GPT-2
 * step keeping only the activations its backward pass needs.
 */
class LeanLayersTest {
    private static final int ROWS = 300;
    private static final int WIDTH = 64;

    /** The textbook LayerNorm: ((x − μ) · rsqrt(σ² + eps)) · gain + bias, every op differentiated. */
    private static Operand<TFloat32> textbookLayerNorm(Ops tf, Operand<TFloat32> x, Variable<TFloat32> gain, Variable<TFloat32> bias) {
        Operand<TInt32> last = tf.constant(new int[] {-1});
        Operand<TFloat32> centred = tf.math.sub(x, tf.math.mean(x, last, Mean.keepDims(true)));
        Operand<TFloat32> variance = tf.math.mean(tf.math.square(centred), last, Mean.keepDims(true));
        Operand<TFloat32> normed = tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-5f))));
        return tf.math.add(tf.math.mul(normed, gain), bias);
    }

    /** The textbook tanh-GELU as iclab has always computed it: x · (0.5 + 0.5 tanh(x (c + c·a x²))). */
    private static Operand<TFloat32> textbookGelu(Ops tf, Operand<TFloat32> x) {
        double c = Math.sqrt(2 / Math.PI);
        Operand<TFloat32> inner = tf.math.mul(x, tf.math.add(tf.constant((float) c),
                tf.math.mul(tf.constant((float) (c * 0.044715)), tf.math.square(x))));
        return tf.math.mul(x, tf.math.add(tf.constant(0.5f), tf.math.mul(tf.constant(0.5f), tf.math.tanh(inner))));
    }

    /** A layer under test, built on x with a gain and a bias it may ignore. */
    private interface Layer {
        Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Variable<TFloat32> gain, Variable<TFloat32> bias);
    }

    /** What one layer gives on a fixed input: its values, the gradients of a weighted sum of them, and the kept bytes. */
    private record Outcome(float[][] values, Map<String, float[][]> gradients, long keptBytes) {
    }

    /**
     * Builds x (a variable), gain, bias, the layer, and loss = Σ w ⊙ layer(x) with fixed random weights w; fetches the
     * layer's values and the gradients of the loss with respect to the first {@code differentiated} of x, gain and
     * bias, from one traced run.
     */
    private static Outcome run(Layer layer, int differentiated, long seed) {
        Random random = new Random(seed);
        float[][] input = new float[ROWS][WIDTH];
        float[][] weights = new float[ROWS][WIDTH];
        float[] gainValues = new float[WIDTH];
        float[] biasValues = new float[WIDTH];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < WIDTH; j++) {
                input[i][j] = (float) (random.nextGaussian() * (1 + j % 5)); // some columns spread far into GELU's tails
                weights[i][j] = (float) random.nextGaussian();
            }
        }
        for (int j = 0; j < WIDTH; j++) {
            gainValues[j] = (float) (1 + 0.3 * random.nextGaussian());
            biasValues[j] = (float) (0.1 * random.nextGaussian());
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> x = tf.withName("x").variable(tf.constant(input));
            Variable<TFloat32> gain = tf.withName("gain").variable(tf.constant(gainValues));
            Variable<TFloat32> bias = tf.withName("bias").variable(tf.constant(biasValues));
            // the layer reads x through an identity, as a model's layers read the tensors before them (TensorFlow's
            // C++ Mul gradient crashes on a reference-typed variable read directly where the forward pass squares it)
            Operand<TFloat32> y = layer.apply(tf, tf.identity(x), gain, bias);
            Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(y, tf.constant(weights)), tf.constant(new int[] {0, 1}));
            List<Variable<TFloat32>> wrt = List.of(x, gain, bias).subList(0, differentiated);
            var dy = tf.gradients(loss, wrt).dy();
            s.initialize();
            var runner = s.runner().fetch(y);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wrt.size(); i++) {
                runner.fetch(dy.get(i));
                names.add(List.of("x", "gain", "bias").get(i));
            }
            RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).setOutputPartitionGraphs(true).build();
            try (Result r = runner.setOptions(trace).runAndFetchMetadata()) {
                RunMetadata metadata = r.getMetadata().orElseThrow();
                float[][] values = StdArrays.array2dCopyOf((TFloat32) r.get(0));
                Map<String, float[][]> gradients = new java.util.LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    TFloat32 t = (TFloat32) r.get(i + 1);
                    gradients.put(names.get(i), t.shape().numDimensions() == 2 ? StdArrays.array2dCopyOf(t)
                            : new float[][] {StdArrays.array1dCopyOf(t)});
                }
                long kept = Feeds.keptForBackward(metadata, "Gradients").values().stream().mapToLong(Long::longValue).sum();
                return new Outcome(values, gradients, kept);
            }
        }
    }

    private static void assertSameValuesAndGradients(Outcome lean, Outcome textbook, double tolerance) {
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < WIDTH; j++) { // + 0f: the lean GELU adds an exact zero, which turns −0 into +0
                assertThat(lean.values()[i][j]).as("value [%d][%d]", i, j).isEqualTo(textbook.values()[i][j] + 0f);
            }
        }
        assertThat(lean.gradients().keySet()).containsExactlyElementsOf(textbook.gradients().keySet());
        textbook.gradients().forEach((name, expected) -> {
            float[][] actual = lean.gradients().get(name);
            double scale = 0;
            for (float[] row : expected) {
                for (float v : row) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected[i].length; j++) {
                    assertThat((double) actual[i][j]).as("d/d%s [%d][%d]", name, i, j)
                            .isCloseTo(expected[i][j], within(tolerance * scale));
                }
            }
        });
    }

    @Test
    void layerNormHasTheTextbookValuesToTheBitAndItsGradients() {
        for (long seed : new long[] {1, 2}) {
            Outcome lean = run((tf, x, gain, bias) -> new Layers(tf).layerNorm(x, gain, bias), 3, seed);
            Outcome textbook = run(LeanLayersTest::textbookLayerNorm, 3, seed);
            assertSameValuesAndGradients(lean, textbook, 1e-5);
            assertThat(lean.gradients()).containsOnlyKeys("x", "gain", "bias");
            // in a graph of one LayerNorm the step keeps two tensors of x's size either way (Grappler rewrites the
            // surrogate's products); the saving shows in a whole model, below
            assertThat(lean.keptBytes()).as("lean").isLessThanOrEqualTo(textbook.keptBytes());
        }
    }

    @Test
    void geluHasTheTextbookValuesToTheBitAndItsGradientWhileKeepingOneTensor() {
        for (long seed : new long[] {3, 4}) {
            Outcome lean = run((tf, x, gain, bias) -> new Layers(tf).gelu(x), 1, seed);
            Outcome textbook = run((tf, x, gain, bias) -> textbookGelu(tf, x), 1, seed);
            assertSameValuesAndGradients(lean, textbook, 1e-6);
            long tensor = 4L * ROWS * WIDTH;
            // textbook: x, tanh, the half-sum and the inner factor; lean: the derivative alone (the loss's product
            // with the fixed weights reads the output itself, in both)
            assertThat(textbook.keptBytes()).as("textbook").isGreaterThanOrEqualTo(4 * tensor);
            assertThat(lean.keptBytes()).as("lean").isLessThanOrEqualTo(2 * tensor);
        }
    }

    @Test
    void aGpt2StepKeepsOnlyTheActivationsItsBackwardPassNeeds() {
        // rows = batch · tokens; per block the backward pass needs: LayerNorm 1's normalised input and output, q, k
        // and v, the attention weights, the heads merged, LayerNorm 2's normalised input and output, GELU's output
        // and derivative (4e wide); the final LayerNorm's two and the read-in's input come on top. Differentiating
        // LayerNorm and GELU op by op would keep 3 more 4e-wide tensors and 1 more e-wide tensor per LayerNorm,
        // about 80% more here
        int batch = 16;
        int points = 6;
        int e = 16;
        int heads = 2;
        int layers = 2;
        Experiment experiment = Experiment.builder("lean").seed(1).task(new LinearRegression(3)).prompt(new Interleaved(points))
                .model(new Gpt2(layers, heads, e, 8)).train(t -> t.steps(3).batch(batch).optimizer(new Adam(1e-3))).build();
        PromptSampler sampler = PromptSampler.of(experiment);
        long tokens = 2L * points;
        long rows = batch * tokens;
        long perBlock = rows * (2 * e + 3 * e + e + 2 * e + 2 * 4 * e) + (long) batch * heads * tokens * tokens;
        long budget = 4 * (layers * perBlock + rows * 2 * e + rows * 4); // floats to bytes; read-in input 4 wide
        try (CompiledModel model = CompiledModel.compile(experiment, 1)) {
            model.trainStep(sampler.sample(1, batch, points, 3), 1);
            Map<String, Long> kept = model.profileTrainStep(sampler.sample(2, batch, points, 3), 2).keptBytesByOpType();
            long total = kept.values().stream().mapToLong(Long::longValue).sum();
            assertThat(total).as("%s", kept).isGreaterThan(budget * 8 / 10).isLessThanOrEqualTo(budget * 11 / 10);
        }
    }
}
