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
import org.iclab.spec.LinearAttention;
import org.iclab.spec.Looped;
import org.iclab.spec.Lstm;
import org.iclab.spec.TrainPlan;
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
 * [batch, points, dims] and {@code ys} [batch, points], the prompt format's tokens ({@link PromptLayout}), the
 * architecture's forward pass ({@link Gpt2Graph}, {@link LinearAttentionGraph}, {@link LoopedGraph},
 * {@link LstmGraph}), the predictions {@code pred} [batch, points] read at the even tokens, the loss (mean squared
 * error over all positions, or the last where train.lossAt is 'last'; for classification tasks the mean logistic
 * loss with {@code pred} as the logit), the hidden state after each layer or loop ({@code hidden_0} is the
 * embedded input; each [batch, tokens, width]), and a training step that applies Adam only after every gradient is
 * computed (the fence that makes runs bit-identical). A looped model's passes for other loop counts are added to
 * the graph when first used. Not thread-safe; close it to free native memory.
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
    private final Ops tf;
    private final Layers nn;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Placeholder<TFloat32> xs;
    private final Placeholder<TFloat32> ys;
    private final Operand<org.tensorflow.types.TInt32> batchSize;
    private final Operand<org.tensorflow.types.TInt32> points;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Forward forward;
    private final Operand<TFloat32> pred;
    private final int defaultLoops;
    private final Map<Integer, Operand<TFloat32>> predByLoops = new java.util.HashMap<>();
    private final Map<Integer, TrainOp> trainOps = new java.util.HashMap<>();
    private final List<Variable<TFloat32>> slotsM = new ArrayList<>();
    private final List<Variable<TFloat32>> slotsV = new ArrayList<>();
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

    /** The loss of passes with one loop count, its gradients, and the fenced Adam update. */
    private record TrainOp(Operand<TFloat32> loss, List<Output<?>> gradients, Op step) {
    }

    private CompiledModel(Experiment experiment, int threads) {
        NativeLibraries.ensureLoaded();
        this.experiment = experiment;
        this.graph = new Graph();
        try {
            tf = Ops.create(graph);
            nn = new Layers(tf);
            int d = experiment.task().dims();
            PromptLayout layout = new PromptLayout(experiment.prompt(), d);
            xs = tf.withName(XS).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, d)));
            ys = tf.withName(YS).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
            var shapeX = tf.shape(xs);
            batchSize = tf.reshape(tf.slice(shapeX, nn.shape(0), nn.shape(1)), nn.shape());
            points = tf.reshape(tf.slice(shapeX, nn.shape(1), nn.shape(1)), nn.shape());
            var model = experiment.model();
            // An LSTM is unrolled over the longest prompt the experiment feeds it; attention reaches model.positions.
            int maxPoints = model instanceof Lstm ? Math.max(experiment.prompt().points(), experiment.evaluate().points())
                    : model.positions();
            int referenceTokens = experiment.prompt().tokens(experiment.train().curriculum().points().end());
            var tokenCount = tf.math.mul(points, tf.constant(2));
            var tokens = layout.tokens(tf, nn, xs, ys, batchSize, tokenCount);
            Net net = new Net(tf, nn, this::param, layout, tokens, batchSize, points, tokenCount,
                    experiment.prompt().tokens(maxPoints), referenceTokens, experiment.prompt().positionalFor(model));
            if (model instanceof Gpt2 g) {
                forward = Gpt2Graph.build(net, g);
            } else if (model instanceof LinearAttention a) {
                forward = LinearAttentionGraph.build(net, a);
            } else if (model instanceof Looped l) {
                forward = LoopedGraph.build(net, l);
            } else if (model instanceof Lstm l) {
                forward = LstmGraph.build(net, l);
            } else {
                throw new IllegalArgumentException("no compiler for model " + model);
            }
            defaultLoops = model instanceof Looped l ? l.loops() : 1;
            pred = tf.withName(PRED).identity(predictions(forward.out()));
            predByLoops.put(defaultLoops, pred);

            beta1Power = named(tf, "adam/beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            beta2Power = named(tf, "adam/beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            List<Op> resets = new ArrayList<>();
            for (Parameter p : parameters) {
                var m = named(tf, "adam/m/" + p.name()).variable(Shape.of(p.shape()), TFloat32.class);
                var v = named(tf, "adam/v/" + p.name()).variable(Shape.of(p.shape()), TFloat32.class);
                var zeros = tf.zeros(tf.constant(p.shape()), TFloat32.class);
                resets.add(tf.assign(m, zeros));
                resets.add(tf.assign(v, zeros));
                slotsM.add(m);
                slotsV.add(v);
            }
            resetSlots = tf.withControlDependencies(resets).withName("reset_slots").noOp();
            trainOp(defaultLoops); // the usual pass's loss and update exist from the start (and in the SavedModel's graph)

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

    /** Predictions [batch, points] read at the even tokens of a [batch, 2·points] output. */
    private Operand<TFloat32> predictions(Operand<TFloat32> out) {
        var pairs = tf.reshape(out, nn.stack(List.of(batchSize, points, tf.constant(2))));
        return tf.reshape(tf.slice(pairs, nn.shape(0, 0, 0), nn.shape(-1, -1, 1)), nn.stack(List.of(batchSize, points)));
    }

    /** The loss of one output [batch, tokens]: over every prediction, or only the last where train.lossAt is 'last'. */
    private Operand<TFloat32> lossOf(Operand<TFloat32> out) {
        Operand<TFloat32> p = predictions(out);
        Operand<TFloat32> y = ys;
        if (TrainPlan.LAST.equals(experiment.train().lossAt())) {
            var lastColumn = nn.stack(List.of(tf.constant(0), tf.math.sub(points, tf.constant(1))));
            p = tf.slice(p, lastColumn, nn.shape(-1, 1));
            y = tf.slice(ys, lastColumn, nn.shape(-1, 1));
        }
        if (experiment.task().classification()) {
            // Logistic loss with p as the logit z and t = (y + 1) / 2, in the stable form
            // max(z, 0) − z·t + log(1 + e^−|z|) (= softplus(z) − z·t without overflow), from ops whose
            // gradients TensorFlow's C++ registry has (Relu, Abs, Exp, Log1p, Neg, Mul, Sub, Add, Mean).
            var targets = tf.math.mul(tf.math.add(y, nn.f(1)), nn.f(0.5));
            var softplusNegAbs = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(p))));
            var perPoint = tf.math.add(tf.math.sub(tf.nn.relu(p), tf.math.mul(p, targets)), softplusNegAbs);
            return tf.math.mean(perPoint, nn.shape(0, 1));
        }
        return tf.math.mean(tf.math.squaredDifference(p, y), nn.shape(0, 1));
    }

    /**
     * The loss, gradients and fenced update of passes with {@code loops} loops (1 for every model but a looped one),
     * added to the graph on first use. A looped model's loss is the mean over the loops of its window.
     */
    private TrainOp trainOp(int loops) {
        TrainOp existing = trainOps.get(loops);
        if (existing != null) {
            return existing;
        }
        String suffix = loops == defaultLoops ? "" : "_loops_" + loops;
        Operand<TFloat32> loss;
        if (forward.looping() == null) {
            loss = tf.withName(LOSS + suffix).identity(lossOf(forward.out()));
        } else {
            List<Operand<TFloat32>> outs = forward.looping().windowOuts(loops);
            Operand<TFloat32> sum = lossOf(outs.get(0));
            for (int i = 1; i < outs.size(); i++) {
                sum = tf.math.add(sum, lossOf(outs.get(i)));
            }
            loss = tf.withName(LOSS + suffix).math.mul(sum, nn.f(1.0 / outs.size()));
        }
        var grads = tf.gradients(loss, parameters.stream().map(Parameter::variable).toList());
        List<Output<?>> gradients = grads.dy();
        Adam adam = (Adam) experiment.train().optimizer();
        // The fence: every update reads a gradient passed through an identity that waits for all gradients,
        // so no update can race a gradient computation that still reads the old value.
        List<Op> gradientOps = gradients.stream().map(g -> (Op) tf.identity(g)).toList();
        Ops fenced = tf.withControlDependencies(gradientOps);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = fenced.identity((Output<TFloat32>) gradients.get(i));
            updates.add(tf.train.applyAdam(parameters.get(i).variable(), slotsM.get(i), slotsV.get(i), beta1Power, beta2Power,
                    nn.f(adam.lr()), nn.f(adam.beta1()), nn.f(adam.beta2()), nn.f(adam.eps()), g));
        }
        Op step = tf.withControlDependencies(updates).withName("train_step" + suffix).noOp();
        TrainOp op = new TrainOp(loss, gradients, step);
        trainOps.put(loops, op);
        return op;
    }

    /** The loop count training uses at 1-based {@code step}: the curriculum's (1 for every model but a looped one). */
    private int loopsAt(long step) {
        return experiment.train().curriculum().loopsAt(step - 1, defaultLoops);
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

    private Variable<TFloat32> param(String name, Init init, long... shape) {
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
            TrainOp op = trainOp(loopsAt(step));
            Session.Runner runner = session.runner().feed(xs, x).feed(ys, y).feed(beta1Power, b1).feed(beta2Power, b2)
                    .addTarget(op.step()).fetch(op.loss());
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
        return fetch(batch, trainOp(defaultLoops).loss())[0];
    }

    /** Predictions [batch·points], element (b, i) predicting y_i of prompt b from its first i examples. */
    public float[] predict(PromptBatch batch) {
        return fetch(batch, pred);
    }

    /**
     * Predictions of a looped model read after {@code loops} loops (any count: fewer than trained, or more, to test
     * extrapolation); for every other model {@code loops} must be 1.
     */
    public float[] predict(PromptBatch batch, int loops) {
        if (forward.looping() == null) {
            if (loops != 1) {
                throw new IllegalArgumentException("only a looped model can be read after " + loops + " loops; "
                        + experiment.model().name() + " has none");
            }
            return predict(batch);
        }
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be >= 1, was " + loops);
        }
        Operand<TFloat32> p = predByLoops.computeIfAbsent(loops,
                b -> tf.withName(PRED + "_loops_" + b).identity(predictions(forward.looping().outAfter(b))));
        return fetch(batch, p);
    }

    /** The loop count {@link #predict(PromptBatch)} reads (the model's loops; 1 for every model but a looped one). */
    public int loops() {
        return defaultLoops;
    }

    /**
     * Forward FLOPs per token of one pass at the training prompt's final length: 2 per multiply-add of every
     * matrix product (read-in, projections, attention scores and mixing, MLP, gates, read-out), element-wise ops
     * not counted. A looped model counts its backbone once per loop.
     */
    public long flopsPerToken() {
        return forward.flopsPerToken();
    }

    /** The hidden state after layer {@code layer} (0 = embedded input), flat [batch, tokens, embed]. */
    public float[] hidden(int layer, PromptBatch batch) {
        return fetch(batch, forward.hidden().get(layer));
    }

    /**
     * The attention weights of layer {@code layer} (0-based), flat [batch, heads, tokens, tokens]: row i holds how
     * much token i reads each token (zero above the diagonal).
     */
    public float[] attention(int layer, PromptBatch batch) {
        return fetch(batch, forward.attention().get(layer));
    }

    /**
     * The hidden state after layer {@code layer} passed through the model's final LayerNorm (what the read-out
     * reads when {@code layer} is the last), flat [batch, tokens, embed].
     */
    public float[] normedHidden(int layer, PromptBatch batch) {
        return fetch(batch, forward.normed().get(layer));
    }

    /** Number of layers with attention weights. */
    public int attentionLayers() {
        return forward.attention().size();
    }

    /** Attention heads per layer. */
    public int heads() {
        return forward.heads();
    }

    /** Width of each hidden state (the residual stream). */
    public int width() {
        return forward.width();
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
        return forward.hidden().size();
    }

    /** Gradients of the loss on {@code batch} with respect to every parameter, by name. */
    public Map<String, float[]> gradients(PromptBatch batch) {
        try (TFloat32 x = xsTensor(batch); TFloat32 y = ysTensor(batch)) {
            Session.Runner runner = session.runner().feed(xs, x).feed(ys, y);
            List<Output<?>> gradients = trainOp(defaultLoops).gradients();
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
