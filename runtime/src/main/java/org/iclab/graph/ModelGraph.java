package org.iclab.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Model;
import org.iclab.spec.Objective;
import org.iclab.spec.optimizer.Optimizer;
import org.iclab.spec.TrainPlan;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * An experiment compiled to one TensorFlow graph, without a session: the prompt placeholders {@code xs}
 * [batch, points, dims] and {@code ys} [batch, points] (or, for a token prompt, {@code ids}, {@code targets} and
 * {@code mask} [batch, tokens], the ids read in as one-hot rows and the logits read out at every token, scored by
 * masked cross-entropy), the prompt format's tokens ({@link PromptLayout}), the
 * registered {@link Architecture}'s forward pass, the predictions {@code pred} [batch, points] read at the even
 * tokens, the objective's loss ({@link Losses}; over every position, or the last where train.lossAt is 'last'),
 * the parameters ({@link Parameters}) and the optimizer's updates ({@link UpdateRule}; Adam: {@link AdamUpdates}). A looped model's passes for other loop counts,
 * and their losses and updates, are added when first asked for.
 */
final class ModelGraph {
    final Experiment experiment;
    final Graph graph;
    final Ops tf;
    final Layers nn;
    final Parameters parameters;
    /** The (x, y) placeholders; null for a token prompt. */
    final Placeholder<TFloat32> xs;
    final Placeholder<TFloat32> ys;
    /**
     * A token prompt's placeholders (ids and targets [batch, tokens], the loss mask); null for (x, y) prompts. A task
     * of vector tokens has {@code vectors} [batch, tokens, width] in place of the ids (null otherwise).
     */
    final Placeholder<TInt32> ids;
    final Placeholder<TFloat32> vectors;
    final Placeholder<TInt32> targets;
    final Placeholder<TFloat32> mask;
    /** A token prompt's vocabulary, 0 for (x, y) prompts. */
    final int vocabulary;
    final Forward forward;
    final Operand<TFloat32> pred;
    final int defaultLoops;
    final UpdateRule.Updates updates;
    /** What the architecture built from, kept for the dropout a later pass (another loop count) may add. */
    private final Net net;
    private final Operand<TInt32> batchSize;
    private final Operand<TInt32> points;
    private final Map<Integer, Operand<TFloat32>> predByLoops = new HashMap<>();
    private final Map<Integer, TrainOp> trainOps = new HashMap<>();

    /** The loss of passes with one loop count, its gradients, and the fenced update. */
    record TrainOp(Operand<TFloat32> loss, List<Output<?>> gradients, Op step) {
    }

    ModelGraph(Experiment experiment) {
        this.experiment = experiment;
        this.graph = new Graph();
        try {
            tf = Ops.create(graph);
            nn = new Layers(tf);
            parameters = new Parameters(tf);
            Model model = experiment.model();
            Architecture<Model> architecture = Architecture.of(model);
            int maxPoints = architecture.reach(model, experiment);
            int referenceTokens = experiment.prompt().tokens(experiment.train().curriculum().points().end());
            Net net;
            if (experiment.prompt().readsTokens()) {
                // A token sequence: ids read in as one-hot rows, so the read-in's product is the embedding lookup;
                // or, for a task of vector tokens, the vectors read in as they are.
                vocabulary = ((Objective.CrossEntropy) experiment.task().objective()).vocabulary();
                int width = ((org.iclab.spec.task.TokenTask) experiment.task()).tokenWidth();
                PromptLayout layout = new PromptLayout(experiment.prompt(), width > 0 ? width : vocabulary);
                xs = null;
                ys = null;
                targets = tf.withName(CompiledModel.TARGETS).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
                mask = tf.withName(CompiledModel.MASK).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
                Operand<TFloat32> tokens;
                if (width > 0) {
                    ids = null;
                    vectors = tf.withName(CompiledModel.VECTORS).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, width)));
                    tokens = vectors;
                } else {
                    ids = tf.withName(CompiledModel.IDS).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
                    vectors = null;
                    tokens = tf.oneHot(ids, tf.constant(vocabulary), nn.f(1), nn.f(0));
                }
                var shape = tf.shape(targets);
                batchSize = tf.reshape(tf.slice(shape, nn.shape(0), nn.shape(1)), nn.shape());
                points = tf.reshape(tf.slice(shape, nn.shape(1), nn.shape(1)), nn.shape());
                net = new Net(tf, nn, parameters::create, layout, tokens, batchSize, points, points,
                        experiment.prompt().tokens(maxPoints), referenceTokens, experiment.prompt().positionalFor(model), vocabulary);
            } else {
                int d = experiment.task().dims();
                vocabulary = 0;
                ids = null;
                vectors = null;
                targets = null;
                mask = null;
                PromptLayout layout = new PromptLayout(experiment.prompt(), d);
                xs = tf.withName(CompiledModel.XS).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, d)));
                ys = tf.withName(CompiledModel.YS).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
                var shapeX = tf.shape(xs);
                batchSize = tf.reshape(tf.slice(shapeX, nn.shape(0), nn.shape(1)), nn.shape());
                points = tf.reshape(tf.slice(shapeX, nn.shape(1), nn.shape(1)), nn.shape());
                var tokenCount = tf.math.mul(points, tf.constant(2));
                var tokens = layout.tokens(tf, nn, xs, ys, batchSize, tokenCount);
                net = new Net(tf, nn, parameters::create, layout, tokens, batchSize, points, tokenCount,
                        experiment.prompt().tokens(maxPoints), referenceTokens, experiment.prompt().positionalFor(model), 1);
            }
            forward = architecture.build(net, model);
            this.net = net;
            checkPrefixes("freeze", experiment.train().freeze());
            checkPrefixes("fresh", experiment.train().fresh());
            defaultLoops = model.loops();
            pred = tf.withName(CompiledModel.PRED).identity(predictions(forward.out()));
            predByLoops.put(defaultLoops, pred);
            Optimizer optimizer = experiment.train().optimizer();
            updates = UpdateRule.of(optimizer).create(tf, nn, parameters, optimizer, experiment.train().steps());
            trainOp(defaultLoops); // the usual pass's loss and update exist from the start (and in the SavedModel's graph)
        } catch (RuntimeException ex) {
            graph.close();
            throw ex;
        }
    }

    /** The model's dropout, fed in training steps, or null where it has none. */
    Dropout dropout() {
        return net.dropout();
    }

    /** Each prefix of train.freeze or train.fresh names at least one parameter. */
    private void checkPrefixes(String setting, List<String> prefixes) {
        List<String> names = parameters.names();
        for (String prefix : prefixes) {
            if (names.stream().noneMatch(n -> n.startsWith(prefix))) {
                throw new org.iclab.spec.SpecException("train", setting, "must each start some parameter's name (the model's: "
                        + String.join(", ", names) + ")", "'" + prefix + "'");
            }
        }
    }

    /**
     * Predictions [batch, points] read at the even tokens of a [batch, 2·points] output; a token prompt's logits
     * [batch, tokens, vocabulary] are its predictions as they are.
     */
    private Operand<TFloat32> predictions(Operand<TFloat32> out) {
        if (vocabulary > 0) {
            return out;
        }
        var pairs = tf.reshape(out, nn.stack(List.of(batchSize, points, tf.constant(2))));
        return tf.reshape(tf.slice(pairs, nn.shape(0, 0, 0), nn.shape(-1, -1, 1)), nn.stack(List.of(batchSize, points)));
    }

    /** The objective's loss of one output [batch, tokens]: over every prediction, or only the last where train.lossAt is 'last'. */
    private Operand<TFloat32> lossOf(Operand<TFloat32> out) {
        if (vocabulary > 0) {
            return Losses.crossEntropy(tf, nn, out, targets, mask, vocabulary);
        }
        Operand<TFloat32> p = predictions(out);
        Operand<TFloat32> y = ys;
        if (TrainPlan.LAST.equals(experiment.train().lossAt())) {
            var lastColumn = nn.stack(List.of(tf.constant(0), tf.math.sub(points, tf.constant(1))));
            p = tf.slice(p, lastColumn, nn.shape(-1, 1));
            y = tf.slice(ys, lastColumn, nn.shape(-1, 1));
        }
        return Losses.of(experiment.task().objective(), tf, nn, p, y);
    }

    /**
     * The loss, gradients and fenced update of passes with {@code loops} loops (1 for every model but a looped one),
     * added to the graph on first use. A looped model's loss is the mean over the loops of its window.
     */
    TrainOp trainOp(int loops) {
        TrainOp existing = trainOps.get(loops);
        if (existing != null) {
            return existing;
        }
        String suffix = loops == defaultLoops ? "" : "_loops_" + loops;
        Operand<TFloat32> loss;
        if (forward.looping() == null) {
            loss = tf.withName(CompiledModel.LOSS + suffix).identity(lossOf(forward.out()));
        } else {
            List<Operand<TFloat32>> outs = forward.looping().windowOuts(loops);
            Operand<TFloat32> sum = lossOf(outs.get(0));
            for (int i = 1; i < outs.size(); i++) {
                sum = tf.math.add(sum, lossOf(outs.get(i)));
            }
            loss = tf.withName(CompiledModel.LOSS + suffix).math.mul(sum, nn.f(1.0 / outs.size()));
        }
        List<Output<?>> gradients = gradientsOf(loss);
        TrainOp op = new TrainOp(loss, gradients, updates.step(gradients, suffix));
        trainOps.put(loops, op);
        return op;
    }

    /**
     * The gradient of every parameter, in parameter order; null for a frozen one ({@code train.freeze}), whose update
     * is left out altogether (so neither Adam's step nor weight decay moves it).
     */
    private List<Output<?>> gradientsOf(Operand<TFloat32> loss) {
        TrainPlan plan = experiment.train();
        List<String> names = parameters.names();
        List<org.tensorflow.op.core.Variable<TFloat32>> trainable = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!plan.frozen(names.get(i))) {
                trainable.add(parameters.variables().get(i));
            }
        }
        if (trainable.isEmpty()) {
            throw new org.iclab.spec.SpecException("train", "freeze", "must leave at least one parameter to train", plan.freeze());
        }
        var dy = tf.gradients(loss, trainable).dy();
        List<Output<?>> out = new java.util.ArrayList<>();
        int next = 0;
        for (String name : names) {
            out.add(plan.frozen(name) ? null : dy.get(next++));
        }
        return out;
    }

    /** The predictions after {@code loops} loops of a looped model, added to the graph on first use. */
    Operand<TFloat32> predAfter(int loops) {
        return predByLoops.computeIfAbsent(loops,
                b -> tf.withName(CompiledModel.PRED + "_loops_" + b).identity(predictions(forward.looping().outAfter(b))));
    }
}
