package org.iclab.spec.model;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import java.util.List;
import org.iclab.spec.Word;

/**
 * Yang et al.'s looped transformer: one GPT-2 {@code block} (its layers, its positions and its final LayerNorm)
 * applied {@code loops} times to its own output, with the embedded prompt re-injected each loop
 * ({@code injection 'add'}: z ← f(z + x), z starting at 0; {@code 'none'}: z ← f(z), z starting at x). The loss is
 * the mean of the losses read out after each of the last {@code window} loops, and gradients flow back through
 * those loops only (earlier loops are not differentiated, as in Yang et al.). {@code train.curriculum.loops} can
 * grow the loop count during training; evaluation reads the model after {@code loops} loops, and after any other
 * count listed in {@code evaluate.loops} (extrapolation).
 *
 * <pre>
 * Java:   Iclab.looped(Iclab.gpt2(b -&gt; b.layers(1)), 12, 6)
 * Groovy: model looped(block: gpt2 { layers 1 }, loops: 12, window: 6)
 * </pre>
 */
@Setting("Yang et al.'s looped transformer: one GPT-2 block applied `loops` times with the input re-injected each loop.")
@Word("looped")
public record Looped(
        @Setting(value = "The block that is looped (a gpt2 model: its layers, positions and final LayerNorm).", example = "block: gpt2 { layers 1; embed 64; heads 2 }") Gpt2 block,
        @Setting(value = "Loops at the end of training and at evaluation.", range = "> 0") int loops,
        @Setting(value = "Loops at the end of each pass whose losses are averaged and differentiated.", range = "1..loops", defaults = "loops") int window,
        @Setting(value = "How the embedded prompt enters each loop: add (z <- f(z + x)) or none (z <- f(z)).", range = "add, none", defaults = "add") String injection) implements Model {
    public static final String ADD = "add";
    public static final String NONE = "none";
    public static final List<String> INJECTIONS = List.of(ADD, NONE);

    public Looped {
        injection = injection == null ? ADD : injection;
        Problems.in("model")
                .requirePresent(block, "block")
                .require(loops > 0, "loops", "must be > 0", loops)
                .require(block == null || block.ngramHead() == 0, "block.ngramHead", "must be 0 (a looped block has no n-gram layer)",
                        block == null ? 0 : block.ngramHead())
                .require(block == null || !block.dropsOut(), "block", "must have no dropout (a looped model builds its loop counts' passes "
                        + "as it needs them, so its masks would not be the same after a resume)", block)
                .require(window > 0 && window <= Math.max(loops, 1), "window", "must be in 1..loops (" + loops + ")", window)
                .require(INJECTIONS.contains(injection), "injection", "must be one of " + INJECTIONS, "'" + injection + "'")
                .throwIfAny();
    }

    /** Input injection by addition, the whole pass differentiated. */
    public Looped(Gpt2 block, int loops) {
        this(block, loops, loops, ADD);
    }

    @Override
    public int positions() {
        return block.positions();
    }

    @Override
    public boolean hasLoops() {
        return true;
    }
}
