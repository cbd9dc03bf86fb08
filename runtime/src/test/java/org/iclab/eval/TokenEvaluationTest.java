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
}
