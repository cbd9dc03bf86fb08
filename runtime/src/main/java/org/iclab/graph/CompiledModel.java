package org.iclab.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclab.engine.NativeLibraries;
import org.iclab.engine.SavedModels;
import org.iclab.spec.Experiment;
import org.iclab.task.Batch;
import org.iclab.task.PromptBatch;
import org.iclab.task.TokenBatch;
import org.iclab.task.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.types.TFloat32;

/**
 * An experiment compiled to one TensorFlow graph ({@link ModelGraph}: placeholders, the architecture's forward pass,
 * predictions, the objective's loss, Adam behind the gradient fence) and held in a session: the endpoints to train
 * it, read its predictions, hidden states and attention, and save, restore or export it. The hidden state after
 * each layer or loop is {@code hidden_N} ({@code hidden_0} is the embedded input; each [batch, tokens, width]).
 * Not thread-safe; close it to free native memory.
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
    /** A token prompt's endpoints: the ids read, the targets and the loss mask ({@code pred} holds its logits). */
    public static final String IDS = "ids";
    /** What a task of vector tokens reads in place of the ids: [batch, tokens, width]. */
    public static final String VECTORS = "vectors";
    public static final String TARGETS = "targets";
    public static final String MASK = "mask";

    private final ModelGraph g;
    private final Session session;
    private final boolean xla;

    private CompiledModel(Experiment experiment, int threads, boolean xla) {
        NativeLibraries.ensureLoaded();
        g = new ModelGraph(experiment);
        this.xla = xla && NativeLibraries.xlaOnCpu();
        try {
            // Per-session threads: otherwise every session of the process shares the inter-op pool the first one made
            // (one thread), and models trained side by side in one JVM (a sweep's --parallel points, Spark's local
            // tasks) all run on that one thread. With XLA, TensorFlow compiles clusters of the graph's nodes into
            // fused code on each new fetch set and shape (seconds, once), then runs them in place of the nodes.
            int intra = intraOpThreads(g.parameters.count(), threads, this.xla);
            ConfigProto config = ConfigProto.newBuilder()
                    .setIntraOpParallelismThreads(intra)
                    .setInterOpParallelismThreads(intra == 1 ? threads : 1)
                    .setUsePerSessionThreads(true)
                    .setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(OptimizerOptions.newBuilder()
                            .setGlobalJitLevel(this.xla ? OptimizerOptions.GlobalJitLevel.ON_1 : OptimizerOptions.GlobalJitLevel.OFF)))
                    .build();
            session = new Session(g.graph, config);
        } catch (RuntimeException ex) {
            g.graph.close();
            throw ex;
        }
    }

    /**
     * Models below this many parameters run their threads as inter-op threads: independent operations side by side,
     * each on one thread. Their operations are too small to gain from being split between threads, and on two cores
     * this made Mamba 2.0×, the LSTM, RetNet and linear attention 1.4–1.7× and the tiny GPT-2 1.0–1.1× faster than
     * splitting each operation (docs/performance.md). Larger models split each operation between the threads (the
     * small GPT-2, 1.2 M parameters, was 10% slower the other way). Under XLA a step is a few large clusters, so
     * they split too.
     */
    static final long INTER_OP_BELOW_PARAMETERS = 500_000;

    /**
     * TensorFlow's intra-op threads for a model of {@code parameters} given {@code threads}: 1 below
     * {@value #INTER_OP_BELOW_PARAMETERS} parameters without XLA (the threads then run operations side by side), else
     * all of them.
     */
    static int intraOpThreads(long parameters, int threads, boolean xla) {
        return !xla && parameters < INTER_OP_BELOW_PARAMETERS ? 1 : threads;
    }

    /** The loop count training uses at 1-based {@code step}: the curriculum's (1 for every model but a looped one). */
    private int loopsAt(long step) {
        return g.experiment.train().curriculum().loopsAt(step - 1, g.defaultLoops);
    }

    /** Compiles the experiment and initialises its parameters from the experiment's seed, on every processor. */
    public static CompiledModel compile(Experiment experiment) {
        return compile(experiment, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** As {@link #compile(Experiment)} with a given number of intra-op threads. */
    public static CompiledModel compile(Experiment experiment, int threads) {
        return compile(experiment, threads, false);
    }

    /**
     * As {@link #compile(Experiment, int)}; {@code xla} true compiles the graph's clusters with XLA instead of running
     * TensorFlow's executor node by node: faster steps after a compilation of seconds per fetch set and shape, results
     * equal to float rounding (not bit for bit), and bit-identical training run to run either way.
     */
    public static CompiledModel compile(Experiment experiment, int threads, boolean xla) {
        CompiledModel model = new CompiledModel(experiment, threads, xla);
        try {
            model.initialize(Seeds.derive(experiment.seed(), Seeds.Stream.INIT, 0));
        } catch (RuntimeException ex) {
            model.close();
            throw ex;
        }
        return model;
    }

    /** Whether the session compiles with XLA (asked for, and XLA on the CPU could be enabled). */
    public boolean usesXla() {
        return xla;
    }

    /** Draws every parameter from its initialiser with a generator seeded by {@code seed}, and zeroes Adam's moments. */
    public void initialize(long seed) {
        assign(g.parameters.draw(seed));
        g.updates.reset(session);
    }

    /** Sets the named parameters to the given values (flat, row-major). */
    public void assign(Map<String, float[]> values) {
        g.parameters.assign(session, values);
    }

    /** Parameter names in creation order. */
    public List<String> parameterNames() {
        return g.parameters.names();
    }

    /** Total number of trainable values. */
    public long parameterCount() {
        return g.parameters.count();
    }

    /** Current values of every parameter. */
    public Map<String, float[]> parameterValues() {
        return g.parameters.values(session);
    }

    /** Multiplies the learning rate of every later step by {@code scale} (1: as declared); see {@code train.onDivergence}. */
    public void setLearningRateScale(double scale) {
        g.updates.scaleLearningRate(scale);
    }

    /** The factor on the declared learning rate (1 unless a rollback halved it). */
    public double learningRateScale() {
        return g.updates.learningRateScale();
    }

    /** The learning rate 1-based {@code step} applies (schedule and rollback factor), as the optimizer feeds it. */
    public double learningRateAt(long step) {
        return g.updates.rateAt(step);
    }

    /** One Adam step (1-based {@code step} sets the bias correction); returns the loss before the update. */
    public float trainStep(Batch batch, long step) {
        try (Result r = runTrainStep(batch, step, null)) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Runs the fenced update, fetching the loss; with {@code trace}, TensorFlow's step stats come back too. */
    private Result runTrainStep(Batch batch, long step, org.tensorflow.proto.RunOptions trace) {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            ModelGraph.TrainOp op = g.trainOp(loopsAt(step));
            Session.Runner runner = g.updates.feed(feed(session.runner(), batch, open), step, open)
                    .addTarget(op.step()).fetch(op.loss());
            if (g.dropout() != null) {
                g.dropout().feedTraining(runner, g.experiment.seed(), step, open);
            }
            return trace == null ? runner.run() : runner.setOptions(trace).runAndFetchMetadata();
        } finally {
            Tensors.close(open);
        }
    }

    /**
     * One training step traced by TensorFlow: the summed kernel time of each op type (MatMul, BatchMatMulV2,
     * ApplyAdam, ...) in microseconds, largest first (with several threads the sum can exceed the step's wall time),
     * and the most bytes TensorFlow's allocators held while the step ran (activations kept for the backward pass,
     * gradients, feeds and fetches; variables are allocated once and not counted).
     */
    public StepProfile profileTrainStep(Batch batch, long step) {
        org.tensorflow.proto.RunOptions trace = org.tensorflow.proto.RunOptions.newBuilder()
                .setTraceLevel(org.tensorflow.proto.RunOptions.TraceLevel.FULL_TRACE).setOutputPartitionGraphs(true).build();
        try (Result r = runTrainStep(batch, step, trace)) {
            var metadata = r.getMetadata().orElseThrow(() -> new IllegalStateException("TensorFlow returned no trace"));
            return new StepProfile(Feeds.timeByOpType(g.graph, metadata), Feeds.allocatorPeakBytes(metadata),
                    Feeds.keptForBackward(metadata, "Gradients"));
        }
    }

    /**
     * What a traced training step took: kernel microseconds by op type (largest first), the allocators' peak, and the
     * bytes of forward tensors the backward pass reads, by the op type that made them (largest first; empty under XLA,
     * whose cluster hides them).
     */
    public record StepProfile(Map<String, Long> microsByOpType, long allocatorPeakBytes, Map<String, Long> keptBytesByOpType) {
    }

    /** The loss on a batch, without updating anything. */
    public float loss(Batch batch) {
        return fetch(batch, g.trainOp(g.defaultLoops).loss())[0];
    }

    /** Predictions [batch·points], element (b, i) predicting y_i of prompt b from its first i examples. */
    public float[] predict(PromptBatch batch) {
        return fetch(batch, g.pred);
    }

    /** A token prompt's logits [batch·tokens·vocabulary]: position t's scores for the target at t, from tokens 0..t. */
    public float[] logits(TokenBatch batch) {
        return fetch(batch, g.pred);
    }

    /** A token prompt's predicted ids [batch·tokens]: the arg-max of each position's logits ({@link TokenBatch#argMax}). */
    public int[] predictIds(TokenBatch batch) {
        float[] logits = logits(batch);
        int[] ids = new int[batch.batch() * batch.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TokenBatch.argMax(logits, i * batch.vocabulary(), batch.vocabulary());
        }
        return ids;
    }

    /** The vocabulary of a token prompt, or 0 where the model reads (x, y) prompts. */
    public int vocabulary() {
        return g.vocabulary;
    }

    /**
     * Predictions of a looped model read after {@code loops} loops (any count: fewer than trained, or more, to test
     * extrapolation); for every other model {@code loops} must be 1.
     */
    public float[] predict(PromptBatch batch, int loops) {
        if (g.forward.looping() == null) {
            if (loops != 1) {
                throw new IllegalArgumentException("only a looped model can be read after " + loops + " loops; "
                        + g.experiment.model().name() + " has none");
            }
            return predict(batch);
        }
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be >= 1, was " + loops);
        }
        return fetch(batch, g.predAfter(loops));
    }

    /** The loop count {@link #predict(PromptBatch)} reads (the model's loops; 1 for every model but a looped one). */
    public int loops() {
        return g.defaultLoops;
    }

    /**
     * Forward FLOPs per token of one pass at the training prompt's final length: 2 per multiply-add of every
     * matrix product (read-in, projections, attention scores and mixing, MLP, gates, read-out), element-wise ops
     * not counted. A looped model counts its backbone once per loop.
     */
    public long flopsPerToken() {
        return g.forward.flopsPerToken();
    }

    /** The hidden state after layer {@code layer} (0 = embedded input), flat [batch, tokens, embed]. */
    public float[] hidden(int layer, Batch batch) {
        return fetch(batch, g.forward.hidden().get(layer));
    }

    /**
     * The attention weights of layer {@code layer} (0-based), flat [batch, heads, tokens, tokens]: row i holds how
     * much token i reads each token (zero above the diagonal).
     */
    public float[] attention(int layer, Batch batch) {
        return fetch(batch, g.forward.attention().get(layer));
    }

    /**
     * The hidden state after layer {@code layer} passed through the model's final LayerNorm (what the read-out
     * reads when {@code layer} is the last), flat [batch, tokens, embed].
     */
    public float[] normedHidden(int layer, Batch batch) {
        return fetch(batch, g.forward.normed().get(layer));
    }

    /** Number of layers with attention weights. */
    public int attentionLayers() {
        return g.forward.attention().size();
    }

    /** Attention heads per layer. */
    public int heads() {
        return g.forward.heads();
    }

    /** Width of each hidden state (the residual stream). */
    public int width() {
        return g.forward.width();
    }

    /** Tokens a prompt of {@code points} (x, y) pairs takes in this model's prompt format. */
    public int tokens(int points) {
        return g.experiment.prompt().tokens(points);
    }

    /**
     * The token whose output predicts y_{k+1} from the first k examples (k = 0..points-1): the token a probe at
     * "position k" reads.
     */
    public int predictionToken(int k, int points) {
        return g.vocabulary > 0 ? k : 2 * k; // a token prompt predicts at every token, a pair prompt at each pair's first
    }

    /** Number of hidden-state endpoints (layers + 1). */
    public int hiddenCount() {
        return g.forward.hidden().size();
    }

    /** Gradients of the loss on {@code batch} with respect to every parameter, by name. */
    public Map<String, float[]> gradients(Batch batch) {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Session.Runner runner = feed(session.runner(), batch, open);
            List<Output<?>> gradients = g.trainOp(g.defaultLoops).gradients();
            List<String> names = g.parameters.names();
            List<String> fetched = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (gradients.get(i) != null) { // frozen parameters have none
                    runner.fetch(gradients.get(i));
                    fetched.add(names.get(i));
                }
            }
            Map<String, float[]> out = new LinkedHashMap<>();
            try (Result r = runner.run()) {
                for (int i = 0; i < fetched.size(); i++) {
                    out.put(fetched.get(i), Tensors.read((TFloat32) r.get(i)));
                }
            }
            return out;
        } finally {
            Tensors.close(open);
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

    /**
     * Exports a SavedModel (tag {@code serve}, signature {@code serving_default}: xs, ys → pred; for a token prompt,
     * ids (or vectors) → pred, the logits) into {@code dir}.
     */
    public void exportSavedModel(Path dir) {
        Map<String, Operand<?>> inputs = new LinkedHashMap<>();
        if (g.ids != null) {
            inputs.put(IDS, g.ids);
        } else if (g.vectors != null) {
            inputs.put(VECTORS, g.vectors);
        } else {
            inputs.put(XS, g.xs);
            inputs.put(YS, g.ys);
        }
        SavedModels.export(session, inputs, Map.of(PRED, g.pred), dir);
    }

    public Experiment experiment() {
        return g.experiment;
    }

    private float[] fetch(Batch batch, Operand<TFloat32> endpoint) {
        List<AutoCloseable> open = new ArrayList<>();
        try (Result r = feed(session.runner(), batch, open).fetch(endpoint).run()) {
            return Tensors.read((TFloat32) r.get(0));
        } finally {
            Tensors.close(open);
        }
    }

    private Session.Runner feed(Session.Runner runner, Batch batch, List<AutoCloseable> open) {
        return Feeds.feed(g, runner, batch, open);
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            g.graph.close();
        }
    }
}
