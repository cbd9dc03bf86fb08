package org.iclab;

import java.util.function.Consumer;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.model.Gru;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.model.LinearAttention;
import org.iclab.spec.model.Looped;
import org.iclab.spec.model.Lstm;
import org.iclab.spec.model.Mamba;
import org.iclab.spec.model.RetNet;
import org.iclab.spec.prompt.Stacked;
import org.iclab.spec.prompt.Tokens;

/**
 * The words of prompt formats, architectures and optimizers: static factories making the spec records, in the forms a script writes them.
 * {@link Iclab} inherits them, so {@code import static org.iclab.Iclab.*} (scripts, jshell, tests) and
 * {@code Iclab.gpt2(...)} reach them. A word without a factory here is still a word: the DSL takes its
 * record's constructors.
 */
public class ModelWords extends TaskWords {
    ModelWords() {
    }

    /** Garg et al.'s interleaved x, y tokens with {@code points} pairs. */
    public static Interleaved interleaved(int points) {
        return new Interleaved(points);
    }

    /** Interleaved tokens with y disjoint from x ({@code disjoint}), y last ({@code yLast}), and a positional encoding (learned, none, sinusoidal; null: the model's default). */
    public static Interleaved interleaved(int points, boolean disjoint, boolean yLast, String positional) {
        return new Interleaved(points, disjoint, yLast, positional);
    }

    /** Von Oswald et al.'s stacked tokens [x; y] with a query [x; 0] per prefix, y last. */
    public static Stacked stacked(int points) {
        return new Stacked(points);
    }

    /** Stacked tokens with y last or first and a positional encoding (learned, none, sinusoidal; null: the model's default). */
    public static Stacked stacked(int points, boolean yLast, String positional) {
        return new Stacked(points, yLast, positional);
    }

    /** Von Oswald et al.'s linear self-attention: {@code layers} layers, one head, the tokens as the stream. */
    public static LinearAttention linearAttention(int layers) {
        return new LinearAttention(layers);
    }

    /** Linear self-attention with {@code heads} full-width heads, a stream of width {@code embed} (0: the tokens), a softmax first layer or not. */
    public static LinearAttention linearAttention(int layers, int heads, int embed, boolean softmaxFirst, int positions) {
        return new LinearAttention(layers, heads, embed, softmaxFirst, positions);
    }

    /** Yang et al.'s looped transformer: {@code block} applied {@code loops} times, input injected by addition, every loop in the loss. */
    public static Looped looped(Gpt2 block, int loops) {
        return new Looped(block, loops);
    }

    /** A looped transformer whose loss averages the last {@code window} loops, with injection 'add' or 'none'. */
    public static Looped looped(Gpt2 block, int loops, int window, String injection) {
        return new Looped(block, loops, window, injection);
    }

    /** An LSTM with {@code layers} layers of width {@code hidden}. */
    public static Lstm lstm(int layers, int hidden) {
        return new Lstm(layers, hidden);
    }

    /** An LSTM reaching {@code positions} pairs. */
    public static Lstm lstm(int layers, int hidden, int positions) {
        return new Lstm(layers, hidden, positions);
    }

    /** RetNet: {@code layers} blocks of multi-scale retention ({@code heads} decays) and an MLP, {@code embed} wide. */
    public static RetNet retnet(int layers, int heads, int embed) {
        return new RetNet(layers, heads, embed);
    }

    /** RetNet reading prompts of at most {@code positions} pairs (or tokens). */
    public static RetNet retnet(int layers, int heads, int embed, int positions) {
        return new RetNet(layers, heads, embed, positions);
    }

    /** Mamba: {@code layers} blocks of a selective state-space recurrence, {@code embed} wide, state size {@code state}. */
    public static Mamba mamba(int layers, int embed, int state) {
        return new Mamba(layers, embed, state);
    }

    /** Mamba reading prompts of at most {@code positions} pairs (or tokens). */
    public static Mamba mamba(int layers, int embed, int state, int positions) {
        return new Mamba(layers, embed, state, positions);
    }

    /** A token task's prompt: its sequences as they are, their length the task's. */
    public static Tokens tokens() {
        return new Tokens();
    }

    /** A token prompt of {@code points} tokens (0: the task's length) with a positional encoding (null: the model's default). */
    public static Tokens tokens(int points, String positional) {
        return new Tokens(points, positional);
    }

    /** A GRU with {@code layers} layers of width {@code hidden}. */
    public static Gru gru(int layers, int hidden) {
        return new Gru(layers, hidden);
    }

    /** A GRU reaching {@code positions} pairs. */
    public static Gru gru(int layers, int hidden, int positions) {
        return new Gru(layers, hidden, positions);
    }

    /** GPT-2 of a preset size: tiny, small or standard. */
    public static Gpt2 gpt2(String preset) {
        return Gpt2.preset(preset);
    }

    /** GPT-2 sized by a block, starting from tiny. */
    public static Gpt2 gpt2(Consumer<Gpt2.Builder> body) {
        Gpt2.Builder b = Gpt2.builder();
        body.accept(b);
        return b.build();
    }

    /** Adam with the given learning rate, β = (0.9, 0.999), ε = 1e-8. */
    public static Adam adam(double lr) {
        return new Adam(lr);
    }

    public static Adam adam(double lr, double beta1, double beta2, double eps) {
        return new Adam(lr, beta1, beta2, eps);
    }
}
