package org.iclab.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iclab.engine.NativeLibraries;
import org.iclab.spec.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.Gpt2;
import org.iclab.spec.Interleaved;
import org.iclab.task.PromptBatch;
import org.iclab.task.Seeds;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * An experiment compiled to one TensorFlow graph and held in a session: the prompt placeholders {@code xs}
 * [batch, points, dims] and {@code ys} [batch, points], the predictions {@code pred} [batch, points] read at the
 * x positions, the loss (mean squared error over all positions; for classification tasks the mean logistic loss
 * with {@code pred} as the logit), the hidden state after each layer
 * ({@code hidden_0} is the embedded input, {@code hidden_L} the output of block L; each [batch, tokens, embed]),
 * and a training step that applies Adam only after every gradient is computed (the fence that makes runs
 * bit-identical). Not thread-safe; close it to free native memory.
 */
public final class CompiledModel implements AutoCloseable {
    /** Endpoint names in the graph and the exported SavedModel's signature. */
    public static final String XS = "xs";
    public static final String YS = "ys";
    public static final String PRED = "pred";
    public static final String LOSS = "loss";
    public static final String HIDDEN = "hidden_";
    public static final String ATTENTION = "attention_";
    public static final String NORMED = "normed_";

    private final Experiment experiment;
    private final Graph graph;
    private final Session session;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Placeholder<TFloat32> xs;
    private final Placeholder<TFloat32> ys;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Operand<TFloat32> pred;
    private final Operand<TFloat32> loss;
    private final List<Operand<TFloat32>> hidden = new ArrayList<>();
    private final List<Operand<TFloat32>> attention = new ArrayList<>();
    private final List<Operand<TFloat32>> normed = new ArrayList<>();
    private final int width;
    private final int heads;
    private final List<Output<?>> gradients;
    private final Op trainStep;
    private final Op resetSlots;

    private record Parameter(String name, Variable<TFloat32> variable, long[] shape, Init init,
                             Placeholder<TFloat32> value, Op assign) {
        long size() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }
    }

    /** How a parameter's first values are drawn (GPT-2's scheme for blocks, PyTorch's for the linear maps). */
    private record Init(char kind, double scale) {
        static Init normal(double std) {
            return new Init('n', std);
        }

        static Init uniform(double bound) {
            return new Init('u', bound);
        }

        static Init constant(double value) {
            return new Init('c', value);
        }
    }

    private CompiledModel(Experiment experiment, int threads) {
        NativeLibraries.ensureLoaded();
        if (!(experiment.model() instanceof Gpt2 gpt2)) {
            throw new IllegalArgumentException("no compiler for model " + experiment.model());
        }
        if (!(experiment.prompt() instanceof Interleaved)) {
            throw new IllegalArgumentException("gpt2 cannot read prompt " + experiment.prompt());
        }
        this.experiment = experiment;
        this.graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            Layers nn = new Layers(tf);
            int d = experiment.task().dims();
            int e = gpt2.embed();
            int h = gpt2.heads();
            int layers = gpt2.layers();
            this.width = e;
            this.heads = h;
            int maxTokens = 2 * gpt2.positions();

            xs = tf.withName(XS).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, d)));
            ys = tf.withName(YS).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
            var shapeX = tf.shape(xs);
            var batch = tf.reshape(tf.slice(shapeX, nn.shape(0), nn.shape(1)), nn.shape());
            var points = tf.reshape(tf.slice(shapeX, nn.shape(1), nn.shape(1)), nn.shape());
            var tokens = tf.math.mul(points, tf.constant(2));

            // Interleave x_i and y_i (y in the first coordinate, the rest zero): [B, N, 2, D] -> [B, 2N, D].
            float[] firstAxis = new float[d];
            firstAxis[0] = 1;
            var ysWide = tf.math.mul(tf.expandDims(ys, tf.constant(-1)), tf.constant(firstAxis));
            var zs = tf.reshape(tf.stack(List.of(xs, ysWide), org.tensorflow.op.core.Stack.axis(2L)), nn.shape(-1, d));

            double fanIn = 1 / Math.sqrt(d);
            var readInW = param(tf, "read_in/w", Init.uniform(fanIn), d, e);
            var readInB = param(tf, "read_in/b", Init.uniform(fanIn), e);
            var wpe = param(tf, "wpe", Init.normal(0.02), maxTokens, e);

            var embedded = tf.reshape(nn.dense(zs, readInW, readInB), nn.stack(List.of(batch, tokens, tf.constant(e))));
            var positions = tf.slice(wpe, nn.shape(0, 0), nn.stack(List.of(tokens, tf.constant(e))));
            Operand<TFloat32> stream3 = tf.math.add(embedded, positions);
            hidden.add(tf.withName(HIDDEN + 0).identity(stream3));
            Operand<TFloat32> x = tf.reshape(stream3, nn.shape(-1, e));

            // Causal mask over the longest prompt, cut to the current length.
            float[][] mask = new float[maxTokens][maxTokens];
            for (int i = 0; i < maxTokens; i++) {
                for (int j = i + 1; j < maxTokens; j++) {
                    mask[i][j] = -1e9f;
                }
            }
            var causal = tf.slice(tf.constant(mask), nn.shape(0, 0), nn.stack(List.of(tokens, tokens)));
            int dh = e / h;
            var qkvShape = nn.stack(List.of(batch, tokens, tf.constant(3), tf.constant(h), tf.constant(dh)));
            var qkvPerm = tf.constant(new int[] {2, 0, 3, 1, 4});
            var perm = tf.constant(new int[] {0, 2, 1, 3});
            double projStd = 0.02 / Math.sqrt(2.0 * layers);
            for (int l = 0; l < layers; l++) {
                String p = "h" + l + "/";
                var ln1 = nn.layerNorm(x, param(tf, p + "ln_1/g", Init.constant(1), e), param(tf, p + "ln_1/b", Init.constant(0), e));
                var qkv = nn.dense(ln1, param(tf, p + "attn/c_attn/w", Init.normal(0.02), e, 3 * e), param(tf, p + "attn/c_attn/b", Init.constant(0), 3 * e));
                // One transpose for all three: [B, T, 3, H, dh] -> [3, B, H, T, dh], then unstack.
                var heads = tf.unstack(tf.linalg.transpose(tf.reshape(qkv, qkvShape), qkvPerm), 3L,
                        org.tensorflow.op.core.Unstack.axis(0L)).output();
                var q = heads.get(0);
                var k = heads.get(1);
                var v = heads.get(2);
                var scores = tf.math.add(tf.math.mul(nn.batchMatMul(q, k, false, true), nn.f(1 / Math.sqrt(dh))), causal);
                var weights = tf.withName(ATTENTION + l).nn.softmax(scores);
                attention.add(weights);
                var attended = nn.batchMatMul(weights, v, false, false);
                var merged = tf.reshape(tf.linalg.transpose(attended, perm), nn.shape(-1, e));
                x = tf.math.add(x, nn.dense(merged, param(tf, p + "attn/c_proj/w", Init.normal(projStd), e, e), param(tf, p + "attn/c_proj/b", Init.constant(0), e)));
                var ln2 = nn.layerNorm(x, param(tf, p + "ln_2/g", Init.constant(1), e), param(tf, p + "ln_2/b", Init.constant(0), e));
                var fc = nn.gelu(nn.dense(ln2, param(tf, p + "mlp/c_fc/w", Init.normal(0.02), e, 4 * e), param(tf, p + "mlp/c_fc/b", Init.constant(0), 4 * e)));
                x = tf.math.add(x, nn.dense(fc, param(tf, p + "mlp/c_proj/w", Init.normal(projStd), 4 * e, e), param(tf, p + "mlp/c_proj/b", Init.constant(0), e)));
                hidden.add(tf.withName(HIDDEN + (l + 1)).reshape(x, nn.stack(List.of(batch, tokens, tf.constant(e)))));
            }
            var lnFGain = param(tf, "ln_f/g", Init.constant(1), e);
            var lnFBias = param(tf, "ln_f/b", Init.constant(0), e);
            var lnF = nn.layerNorm(x, lnFGain, lnFBias);
            for (int l = 0; l < hidden.size(); l++) {
                normed.add(tf.withName(NORMED + l).reshape(nn.layerNorm(tf.reshape(hidden.get(l), nn.shape(-1, e)), lnFGain, lnFBias),
                        nn.stack(List.of(batch, tokens, tf.constant(e)))));
            }
            double outFan = 1 / Math.sqrt(e);
            var out = nn.dense(lnF, param(tf, "read_out/w", Init.uniform(outFan), e, 1), param(tf, "read_out/b", Init.uniform(outFan), 1));
            // Read the prediction at each x position (even tokens): [B·2N, 1] -> [B, N, 2] -> [B, N].
            var pairs = tf.reshape(out, nn.stack(List.of(batch, points, tf.constant(2))));
            pred = tf.withName(PRED).reshape(tf.slice(pairs, nn.shape(0, 0, 0), nn.shape(-1, -1, 1)), nn.stack(List.of(batch, points)));
            if (experiment.task().classification()) {
                // Logistic loss with pred as the logit z and t = (y + 1) / 2, in the stable form
                // max(z, 0) − z·t + log(1 + e^−|z|) (= softplus(z) − z·t without overflow), from ops whose
                // gradients TensorFlow's C++ registry has (Relu, Abs, Exp, Log1p, Neg, Mul, Sub, Add, Mean).
                var targets = tf.math.mul(tf.math.add(ys, nn.f(1)), nn.f(0.5));
                var softplusNegAbs = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(pred))));
                var perPoint = tf.math.add(tf.math.sub(tf.nn.relu(pred), tf.math.mul(pred, targets)), softplusNegAbs);
                loss = tf.withName(LOSS).math.mean(perPoint, nn.shape(0, 1));
            } else {
                loss = tf.withName(LOSS).math.mean(tf.math.squaredDifference(pred, ys), nn.shape(0, 1));
            }

            var grads = tf.gradients(loss, parameters.stream().map(Parameter::variable).toList());
            gradients = grads.dy();
            Adam adam = (Adam) experiment.train().optimizer();
            beta1Power = named(tf, "adam/beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            beta2Power = named(tf, "adam/beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            // The fence: every update reads a gradient passed through an identity that waits for all gradients,
            // so no update can race a gradient computation that still reads the old value.
            List<Op> gradientOps = gradients.stream().map(g -> (Op) tf.identity(g)).toList();
            Ops fenced = tf.withControlDependencies(gradientOps);
            List<Op> updates = new ArrayList<>();
            List<Op> resets = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                var m = named(tf, "adam/m/" + p.name()).variable(Shape.of(p.shape()), TFloat32.class);
                var s = named(tf, "adam/v/" + p.name()).variable(Shape.of(p.shape()), TFloat32.class);
                var zeros = tf.zeros(tf.constant(p.shape()), TFloat32.class);
                resets.add(tf.assign(m, zeros));
                resets.add(tf.assign(s, zeros));
                @SuppressWarnings("unchecked")
                Operand<TFloat32> g = fenced.identity((Output<TFloat32>) gradients.get(i));
                updates.add(tf.train.applyAdam(p.variable(), m, s, beta1Power, beta2Power, nn.f(adam.lr()),
                        nn.f(adam.beta1()), nn.f(adam.beta2()), nn.f(adam.eps()), g));
            }
            trainStep = tf.withControlDependencies(updates).withName("train_step").noOp();
            resetSlots = tf.withControlDependencies(resets).withName("reset_slots").noOp();

            ConfigProto config = ConfigProto.newBuilder()
                    .setIntraOpParallelismThreads(threads)
                    .setInterOpParallelismThreads(1)
                    .build();
            session = new Session(graph, config);
        } catch (RuntimeException ex) {
            graph.close();
            throw ex;
        }
    }

    /** Compiles the experiment and initialises its parameters from the experiment's seed. */
    public static CompiledModel compile(Experiment experiment) {
        return compile(experiment, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** As {@link #compile(Experiment)} with a given number of intra-op threads. */
    public static CompiledModel compile(Experiment experiment, int threads) {
        CompiledModel model = new CompiledModel(experiment, threads);
        try {
            model.initialize(Seeds.derive(experiment.seed(), Seeds.Stream.INIT, 0));
        } catch (RuntimeException ex) {
            model.close();
            throw ex;
        }
        return model;
    }

    private Variable<TFloat32> param(Ops tf, String name, Init init, long... shape) {
        Variable<TFloat32> variable = named(tf, name).variable(Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> value = named(tf, "init/" + name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        Op assign = named(tf, "init_assign/" + name).assign(variable, value);
        parameters.add(new Parameter(name, variable, shape, init, value, assign));
        return variable;
    }

    /** Ops whose next op is named by a slash-separated path (TensorFlow takes the slashes as sub-scopes). */
    private static Ops named(Ops tf, String path) {
        String[] parts = path.split("/");
        Ops scoped = tf;
        for (int i = 0; i < parts.length - 1; i++) {
            scoped = scoped.withSubScope(parts[i]);
        }
        return scoped.withName(parts[parts.length - 1]);
    }

    /** Draws every parameter from its initialiser with a generator seeded by {@code seed}, and zeroes Adam's moments. */
    public void initialize(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            float[] v = new float[(int) p.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (p.init().kind()) {
                    case 'n' -> (float) (rng.nextGaussian() * p.init().scale());
                    case 'u' -> (float) ((rng.nextDouble() * 2 - 1) * p.init().scale());
                    default -> (float) p.init().scale();
                };
            }
            values.put(p.name(), v);
        }
        assign(values);
        session.run(resetSlots);
    }

    /** Sets the named parameters to the given values (flat, row-major). */
    public void assign(Map<String, float[]> values) {
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (Parameter p : parameters) {
                float[] v = values.get(p.name());
                if (v == null) {
                    continue;
                }
                if (v.length != p.size()) {
                    throw new IllegalArgumentException(p.name() + " has " + p.size() + " values, was given " + v.length);
                }
                TFloat32 t = TFloat32.tensorOf(Shape.of(p.shape()), DataBuffers.of(v, true, false));
                tensors.add(t);
                runner.feed(p.value(), t).addTarget(p.assign());
            }
            if (!tensors.isEmpty()) {
                runner.run().close();
            }
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    /** Parameter names in creation order. */
    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** Total number of trainable values. */
    public long parameterCount() {
        return parameters.stream().mapToLong(Parameter::size).sum();
    }

    /** Current values of every parameter. */
    public Map<String, float[]> parameterValues() {
        Session.Runner runner = session.runner();
        parameters.forEach(p -> runner.fetch(p.variable()));
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Result r = runner.run()) {
            for (int i = 0; i < parameters.size(); i++) {
                out.put(parameters.get(i).name(), read((TFloat32) r.get(i)));
            }
        }
        return out;
    }

    /** One Adam step (1-based {@code step} sets the bias correction); returns the loss before the update. */
    public float trainStep(PromptBatch batch, long step) {
        try (Result r = runTrainStep(batch, step, null)) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Runs the fenced update, fetching the loss; with {@code trace}, TensorFlow's step stats come back too. */
    private Result runTrainStep(PromptBatch batch, long step, org.tensorflow.proto.RunOptions trace) {
        Adam adam = (Adam) experiment.train().optimizer();
        try (TFloat32 x = xsTensor(batch); TFloat32 y = ysTensor(batch);
             TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(adam.beta1(), step));
             TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(adam.beta2(), step))) {
            Session.Runner runner = session.runner().feed(xs, x).feed(ys, y).feed(beta1Power, b1).feed(beta2Power, b2)
                    .addTarget(trainStep).fetch(loss);
            return trace == null ? runner.run() : runner.setOptions(trace).runAndFetchMetadata();
        }
    }

    /**
     * One training step traced by TensorFlow: the summed kernel time of each op type (MatMul, BatchMatMulV2,
     * ApplyAdam, ...) in microseconds, largest first. With several threads the sum can exceed the step's wall time.
     */
    public Map<String, Long> profileTrainStep(PromptBatch batch, long step) {
        org.tensorflow.proto.RunOptions trace = org.tensorflow.proto.RunOptions.newBuilder()
                .setTraceLevel(org.tensorflow.proto.RunOptions.TraceLevel.FULL_TRACE).build();
        Map<String, Long> byType = new java.util.HashMap<>();
        try (Result r = runTrainStep(batch, step, trace)) {
            var metadata = r.getMetadata().orElseThrow(() -> new IllegalStateException("TensorFlow returned no trace"));
            for (var device : metadata.getStepStats().getDevStatsList()) {
                for (var node : device.getNodeStatsList()) {
                    var op = graph.operation(node.getNodeName());
                    String type = op == null ? node.getNodeName() : op.type();
                    byType.merge(type, node.getAllEndRelMicros(), Long::sum);
                }
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        byType.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The loss on a batch, without updating anything. */
    public float loss(PromptBatch batch) {
        return fetch(batch, loss)[0];
    }

    /** Predictions [batch·points], element (b, i) predicting y_i of prompt b from its first i examples. */
    public float[] predict(PromptBatch batch) {
        return fetch(batch, pred);
    }

    /** The hidden state after layer {@code layer} (0 = embedded input), flat [batch, tokens, embed]. */
    public float[] hidden(int layer, PromptBatch batch) {
        return fetch(batch, hidden.get(layer));
    }

    /**
     * The attention weights of layer {@code layer} (0-based), flat [batch, heads, tokens, tokens]: row i holds how
     * much token i reads each token (zero above the diagonal).
     */
    public float[] attention(int layer, PromptBatch batch) {
        return fetch(batch, attention.get(layer));
    }

    /**
     * The hidden state after layer {@code layer} passed through the model's final LayerNorm (what the read-out
     * reads when {@code layer} is the last), flat [batch, tokens, embed].
     */
    public float[] normedHidden(int layer, PromptBatch batch) {
        return fetch(batch, normed.get(layer));
    }

    /** Number of layers with attention weights. */
    public int attentionLayers() {
        return attention.size();
    }

    /** Attention heads per layer. */
    public int heads() {
        return heads;
    }

    /** Width of each hidden state (the residual stream). */
    public int width() {
        return width;
    }

    /** Tokens a prompt of {@code points} (x, y) pairs takes in this model's prompt format. */
    public int tokens(int points) {
        return experiment.prompt().tokens(points);
    }

    /**
     * The token whose output predicts y_{k+1} from the first k examples (k = 0..points-1): the token a probe at
     * "position k" reads.
     */
    public int predictionToken(int k, int points) {
        return 2 * k;
    }

    /** Number of hidden-state endpoints (layers + 1). */
    public int hiddenCount() {
        return hidden.size();
    }

    /** Gradients of the loss on {@code batch} with respect to every parameter, by name. */
    public Map<String, float[]> gradients(PromptBatch batch) {
        try (TFloat32 x = xsTensor(batch); TFloat32 y = ysTensor(batch)) {
            Session.Runner runner = session.runner().feed(xs, x).feed(ys, y);
            gradients.forEach(runner::fetch);
            Map<String, float[]> out = new LinkedHashMap<>();
            try (Result r = runner.run()) {
                for (int i = 0; i < parameters.size(); i++) {
                    out.put(parameters.get(i).name(), read((TFloat32) r.get(i)));
                }
            }
            return out;
        }
    }

    /** Writes every variable (parameters and Adam's moments) under a checkpoint prefix. */
    public void save(Path prefix) {
        session.save(prefix.toString());
    }

    /** Restores what {@link #save(Path)} wrote. */
    public void restore(Path prefix) {
        session.restore(prefix.toString());
    }

    /** Exports a SavedModel (tag {@code serve}, signature {@code serving_default}: xs, ys → pred) into {@code dir}. */
    public void exportSavedModel(Path dir) {
        Signature signature = Signature.builder().key(Signature.DEFAULT_KEY)
                .input(XS, xs).input(YS, ys).output(PRED, pred).build();
        try {
            SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature, session)).export();
        } catch (IOException ex) {
            throw new UncheckedIOException("could not export the model to " + dir, ex);
        }
    }

    public Experiment experiment() {
        return experiment;
    }

    private float[] fetch(PromptBatch batch, Operand<TFloat32> endpoint) {
        try (TFloat32 x = xsTensor(batch); TFloat32 y = ysTensor(batch);
             Result r = session.runner().feed(xs, x).feed(ys, y).fetch(endpoint).run()) {
            return read((TFloat32) r.get(0));
        }
    }

    private static float[] read(TFloat32 t) {
        float[] out = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    private static TFloat32 xsTensor(PromptBatch b) {
        return TFloat32.tensorOf(Shape.of(b.batch(), b.points(), b.dims()), DataBuffers.of(b.xs(), true, false));
    }

    private static TFloat32 ysTensor(PromptBatch b) {
        return TFloat32.tensorOf(Shape.of(b.batch(), b.points()), DataBuffers.of(b.ys(), true, false));
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            graph.close();
        }
    }
}
