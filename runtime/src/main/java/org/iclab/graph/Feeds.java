package org.iclab.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iclab.task.Batch;
import org.iclab.task.PromptBatch;
import org.iclab.task.TokenBatch;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.types.TFloat32;

/** What goes into a compiled model's session and what comes back from a traced step. */
final class Feeds {
    private Feeds() {
    }

    /** Feeds {@code batch} to {@code g}'s placeholders of its kind; the tensors made are added to {@code open}. */
    static Session.Runner feed(ModelGraph g, Session.Runner runner, Batch batch, List<AutoCloseable> open) {
        if (batch instanceof PromptBatch b) {
            if (g.xs == null) {
                throw new IllegalArgumentException("the model reads token sequences; it was given (x, y) prompts");
            }
            TFloat32 x = Tensors.xs(b);
            open.add(x);
            TFloat32 y = Tensors.ys(b);
            open.add(y);
            return runner.feed(g.xs, x).feed(g.ys, y);
        }
        TokenBatch t = (TokenBatch) batch;
        if (g.targets == null) {
            throw new IllegalArgumentException("the model reads (x, y) prompts; it was given token sequences");
        }
        if (t.vocabulary() != g.vocabulary) {
            throw new IllegalArgumentException("the batch's vocabulary is " + t.vocabulary() + ", the model's " + g.vocabulary);
        }
        if ((g.vectors != null) != (t.vectors() != null)) {
            throw new IllegalArgumentException(g.vectors != null ? "the model reads token vectors; the batch has none"
                    : "the model reads token ids; it was given token vectors");
        }
        if (g.vectors != null) {
            TFloat32 vectors = Tensors.vectors(t);
            open.add(vectors);
            runner.feed(g.vectors, vectors);
        } else {
            var ids = Tensors.ints(t.ids(), t.batch(), t.length());
            open.add(ids);
            runner.feed(g.ids, ids);
        }
        var targets = Tensors.ints(t.targets(), t.batch(), t.length());
        open.add(targets);
        TFloat32 mask = Tensors.floats(t.mask(), t.batch(), t.length());
        open.add(mask);
        return runner.feed(g.targets, targets).feed(g.mask, mask);
    }

    /** A traced step's kernel time summed by op type (MatMul, ApplyAdam, ...) in microseconds, largest first. */
    static Map<String, Long> timeByOpType(Graph graph, RunMetadata metadata) {
        Map<String, Long> byType = new HashMap<>();
        for (var device : metadata.getStepStats().getDevStatsList()) {
            for (var node : device.getNodeStatsList()) {
                var op = graph.operation(node.getNodeName());
                String type = op == null ? node.getNodeName() : op.type();
                byType.merge(type, node.getAllEndRelMicros(), Long::sum);
            }
        }
        return largestFirst(byType);
    }

    /**
     * The bytes of forward-pass tensors that the backward pass reads, by the op type that produced them: the
     * activations kept alive from the forward pass until their gradient runs, which is what sets a training step's
     * memory peak. It reads the graphs the step ran (after Grappler's rewrites; the trace must ask for partition
     * graphs): a tensor counts where a backward op (one whose name contains {@code gradientPrefix}) that ran reads its
     * values, directly or through ops that pass its buffer on (identity, stop-gradient, reshape); ops that read only
     * its shape do not keep it, and parameters and constants are not counted. Its size is the buffer the step
     * allocated for it, counted once per buffer (q, k and v, slices of one, count once).
     */
    static Map<String, Long> keptForBackward(RunMetadata metadata, String gradientPrefix) {
        Map<String, String> typeOf = new HashMap<>();
        Map<String, List<String>> consumers = new HashMap<>(); // "producer:slot" -> consumer names
        for (var partition : metadata.getPartitionGraphsList()) {
            for (var node : partition.getNodeList()) {
                typeOf.put(node.getName(), node.getOp().replaceFirst("^_Mkl(Native)?", "")); // oneDNN's kernels by their op
                for (String input : node.getInputList()) {
                    if (input.startsWith("^")) {
                        continue;
                    }
                    String output = input.contains(":") ? input : input + ":0";
                    consumers.computeIfAbsent(output, k -> new java.util.ArrayList<>()).add(node.getName());
                }
            }
        }
        Set<String> ran = new HashSet<>();
        for (var device : metadata.getStepStats().getDevStatsList()) {
            device.getNodeStatsList().forEach(node -> ran.add(node.getNodeName()));
        }
        Map<Long, Long> bufferBytes = new HashMap<>();
        Map<Long, String> bufferType = new HashMap<>();
        Map<String, Long> byType = new HashMap<>();
        for (var device : metadata.getStepStats().getDevStatsList()) {
            for (var node : device.getNodeStatsList()) {
                String name = node.getNodeName();
                String type = typeOf.get(name);
                if (type == null || name.contains(gradientPrefix) || NOT_ACTIVATIONS.contains(type)) {
                    continue;
                }
                for (var out : node.getOutputList()) {
                    if (!readByBackward(name + ":" + out.getSlot(), consumers, typeOf, ran, gradientPrefix)) {
                        continue;
                    }
                    var allocation = out.getTensorDescription().getAllocationDescription();
                    long bytes = allocation.getRequestedBytes();
                    if (allocation.getPtr() == 0) {
                        byType.merge(type, bytes, Long::sum);
                    } else if (bytes > bufferBytes.getOrDefault(allocation.getPtr(), -1L)) {
                        bufferBytes.put(allocation.getPtr(), bytes);
                        bufferType.put(allocation.getPtr(), type);
                    }
                }
            }
        }
        bufferBytes.forEach((ptr, bytes) -> byType.merge(bufferType.get(ptr), bytes, Long::sum));
        return largestFirst(byType);
    }

    private static final Set<String> NOT_ACTIVATIONS = Set.of("Const", "VariableV2", "_Arg", "_Retval");
    private static final Set<String> SHAPE_ONLY = Set.of("Shape", "ShapeN", "Size", "Rank", "ZerosLike", "OnesLike");
    private static final Set<String> PASSING_ON = Set.of("Identity", "StopGradient", "Reshape", "Snapshot");

    /** Whether a backward op that ran reads {@code output}'s values, directly or through ops passing its buffer on. */
    private static boolean readByBackward(String output, Map<String, List<String>> consumers, Map<String, String> typeOf,
                                          Set<String> ran, String gradientPrefix) {
        for (String consumer : consumers.getOrDefault(output, List.of())) {
            String type = typeOf.get(consumer);
            if (consumer.contains(gradientPrefix)) {
                if (ran.contains(consumer) && !SHAPE_ONLY.contains(type)) {
                    return true;
                }
            } else if (PASSING_ON.contains(type) && readByBackward(consumer + ":0", consumers, typeOf, ran, gradientPrefix)) {
                return true;
            }
        }
        return false;
    }

    /** The map's entries in order of value, largest first. */
    private static Map<String, Long> largestFirst(Map<String, Long> byType) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        byType.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The most bytes any allocator of the traced step reported in use (its step-wide peak where it keeps one). */
    static long allocatorPeakBytes(RunMetadata metadata) {
        long peak = 0;
        for (var device : metadata.getStepStats().getDevStatsList()) {
            for (var node : device.getNodeStatsList()) {
                for (var memory : node.getMemoryList()) {
                    peak = Math.max(peak, Math.max(memory.getAllocatorBytesInUse(), memory.getPeakBytes()));
                }
            }
        }
        return peak;
    }
}
