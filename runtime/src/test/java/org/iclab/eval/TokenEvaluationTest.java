package org.iclab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.task.TokenBatch;
import org.iclab.tokens.Copying;
import org.junit.jupiter.api.Test;

/** A token task's evaluation against hand-computed token errors and cross-entropies. */
class TokenEvaluationTest {
    @Test
    void tokenErrorCrossEntropyAndPerplexityPerPosition() {
        int vocabulary = 5;
        Experiment e = Experiment.builder("t").seed(1).task(new Copying(vocabulary, 2)).model(Iclab.gru(1, 4))
                .evaluate(v -> v.prompts(10).resamples(20)).build();
        Evaluator evaluator = new Evaluator(e);
        TokenBatch prompts = evaluator.tokenPrompts();
        assertThat(prompts.batch()).isEqualTo(10);
        // even sequences: logit 2 on the target, 0 elsewhere (right, CE = ln(e² + 4) − 2);
        // odd sequences: all logits 0 (arg-max is id 0, never a target here; CE = ln 5)
        List<ErrorCurve> curves = evaluator.evaluateTokens(batch -> {
            float[] out = new float[batch.batch() * batch.length() * vocabulary];
            for (int s = 0; s < batch.batch(); s++) {
                boolean even = s % 2 == 0; // the 10 sequences come in one call, in order
                for (int t = 0; t < batch.length(); t++) {
                    if (even) {
                        out[(s * batch.length() + t) * vocabulary + batch.target(s, t)] = 2;
                    }
                }
            }
            return out;
        });
        ErrorCurve c = curves.get(0);
        double right = Math.log(Math.exp(2) + 4) - 2;
        double uniform = Math.log(5);
        for (int t = 0; t < 2; t++) {
            assertThat(c.at(t)).as("position %d is not scored", t).isNaN();
        }
        for (int t = 2; t < 4; t++) {
            assertThat(c.at(t)).isCloseTo(0.5, within(1e-12));
            assertThat(c.beside().get("cross_entropy")[t]).isCloseTo((right + uniform) / 2, within(1e-6));
            assertThat(c.beside().get("perplexity")[t]).isCloseTo(Math.exp((right + uniform) / 2), within(1e-5));
            assertThat(c.ciLow()[t]).isLessThanOrEqualTo(0.5);
            assertThat(c.ciHigh()[t]).isGreaterThanOrEqualTo(0.5);
        }
        assertThat(c.at(4)).as("the last position has no next token").isNaN();
    }

    /**
     * On a regular language, a string is wrong where any greedy token in it is one the automaton does not allow: the
     * expectation is counted here from the oracle and each sequence's strings, for a "model" of seeded random logits.
     */
    @Test
    void stringErrorCountsAStringWrongWhereAnyGreedyTokenIsInvalid() {
        Experiment e = Experiment.builder("lang").seed(4)
                .task(Iclab.regularLanguage(new org.iclab.spec.Span(4, 12), new org.iclab.spec.Span(4, 18), new org.iclab.spec.Span(1, 3), new org.iclab.spec.Span(3, 5), new org.iclab.spec.Span(2, 6)))
                .model(Iclab.gpt2(m -> m.layers(1).heads(1).embed(8).positions(64))).evaluate(v -> v.prompts(40).resamples(20)).build();
        org.iclab.spec.task.TokenTask task = (org.iclab.spec.task.TokenTask) e.task();
        Evaluator evaluator = new Evaluator(e);
        TokenBatch prompts = evaluator.tokenPrompts();
        int v = prompts.vocabulary();
        java.util.function.Function<TokenBatch, float[]> logits = batch -> {
            float[] out = new float[batch.batch() * batch.length() * v];
            java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) rng.nextGaussian();
            }
            return out;
        };
        float[] out = logits.apply(prompts);
        double[] wrong = new double[prompts.length()];
        double[] strings = new double[prompts.length()];
        for (int p = 0; p < prompts.batch(); p++) {
            int[] unit = org.iclab.task.TokenClass.of(task).units(task, prompts, p);
            java.util.Map<Integer, Boolean> anyInvalid = new java.util.TreeMap<>();
            for (int t = 0; t < prompts.length(); t++) {
                if (prompts.mask(p, t) > 0) {
                    int best = TokenBatch.argMax(out, (p * prompts.length() + t) * v, v);
                    boolean invalid = prompts.oracle()[(p * prompts.length() + t) * v + best] == 0;
                    anyInvalid.merge(unit[t], invalid, Boolean::logicalOr);
                }
            }
            anyInvalid.forEach((u, bad) -> {
                strings[u]++;
                wrong[u] += bad ? 1 : 0;
            });
        }
        ErrorCurve c = evaluator.evaluateTokens(logits).get(0);
        double[] stringError = c.beside().get("string_error");
        int checked = 0;
        for (int u = 0; u < stringError.length; u++) {
            if (strings[u] > 0) {
                assertThat(stringError[u]).as("string %d", u).isCloseTo(wrong[u] / strings[u], within(1e-12));
                assertThat(stringError[u]).as("string %d is wrong wherever a token of it is", u).isGreaterThanOrEqualTo(c.at(u));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
        assertThat(java.util.Arrays.stream(stringError).anyMatch(x -> x > 0 && x < 1)).as("some strings right, some wrong").isTrue();
    }
}
