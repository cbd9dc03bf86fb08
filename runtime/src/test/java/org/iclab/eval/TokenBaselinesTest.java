package org.iclab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.baseline.TokenLearner;
import org.iclab.spec.Experiment;
import org.iclab.spec.task.MarkovChain;
import org.iclab.spec.SpecException;
import org.iclab.task.TokenBatch;
import org.iclab.task.TokenSampler;
import org.iclab.tokens.Copying;
import org.junit.jupiter.api.Test;

/**
 * The token baselines: the in-context n-gram against hand counts, the Markov chain's Bayes predictor against its
 * closed form, the oracle against the sampled tables, and a Markov evaluation scored in nats with the excess over
 * the Bayes predictor.
 */
class TokenBaselinesTest {
    private static TokenBatch sequence(int vocabulary, int... ids) {
        int[] targets = new int[ids.length];
        float[] mask = new float[ids.length];
        for (int t = 0; t + 1 < ids.length; t++) {
            targets[t] = ids[t + 1];
            mask[t] = 1;
        }
        return new TokenBatch(1, ids.length, vocabulary, ids, targets, mask);
    }

    private static double[] predict(TokenLearner learner, TokenBatch b) {
        double[] out = new double[b.length() * b.vocabulary()];
        learner.predict(b, 0, out);
        return out;
    }

    /** RegBench's letters a, b, ... as regularLanguage's ids 1, 2, ...; '|' its separator. */
    private static int[] regbench(String text) {
        return text.chars().map(c -> c == '|' ? org.iclab.spec.task.RegularLanguage.SEPARATOR : c - 'a' + 1).toArray();
    }

    /** The Katz n-gram's row after the whole of {@code text} (the last row), for letters a, b, c. */
    private static double[] katzLastRow(int n, String text) {
        var task = Iclab.regularLanguage();
        TokenBatch b = sequence(task.vocabulary(), regbench(text));
        double[] p = predict(TokenLearner.of(new org.iclab.spec.baseline.Ngram(n, "katz"), task), b);
        int v = task.vocabulary();
        int last = (b.length() - 1) * v;
        double total = 0;
        for (int i = 0; i < v; i++) {
            total += p[last + i];
        }
        assertThat(p[last]).as("padding").isZero();
        assertThat(p[last + org.iclab.spec.task.RegularLanguage.SEPARATOR]).as("separator").isZero();
        assertThat(p[last + 4]).as("d, not seen").isZero();
        double[] abc = {p[last + 1], p[last + 2], p[last + 3]};
        assertThat(abc[0] + abc[1] + abc[2]).isCloseTo(total, within(1e-12));
        return abc;
    }

    @Test
    void theKatzNgramIsRegBenchsCountsByHand() {
        // 'aab|ba|a', n = 2: padded "_aab", "_ba", "_a"; the context "a" occurs 4 times, followed by a once and by b
        // once: both seen, so the row is 1/4, 1/4 and sums to 1/2 (the reference does not normalise it)
        assertThat(katzLastRow(2, "aab|ba|a")).containsExactly(new double[] {0.25, 0.25, 0}, within(1e-12));
        // 'ab|b', n = 2: "_ab", "_b"; nothing followed "b" yet: β = 1 and the unigram over {a, b}: counts a 1, b 2
        assertThat(katzLastRow(2, "ab|b")).containsExactly(new double[] {1 / 3.0, 2 / 3.0, 0}, within(1e-12));
        // 'abc|ab', n = 3: "__abc", "__ab"; the context "ab" (twice) was followed by c once: P(c) = 1/2, β = 1/2 over
        // the unseen {a, b} by the bigram after "b": "b" occurs twice, followed by c once: P2(c|b) = 1/2, and a, b
        // unseen after it share β' = 1/2 by the unigram (a 2, b 2): 1/4 each; so a and b get 1/2 · (1/4) / (1/2) each
        assertThat(katzLastRow(3, "abc|ab")).containsExactly(new double[] {0.25, 0.25, 0.5}, within(1e-12));
        // right after a separator the context is the start symbols of the new, empty example: "__" occurs twice (in
        // "__ab" and in "__"), followed by a once: P(a) = 1/2, and b, never after it, gets β = 1/2
        assertThat(katzLastRow(3, "ab|")).containsExactly(new double[] {0.5, 0.5, 0}, within(1e-12));
        assertThatThrownBy(() -> new org.iclab.spec.baseline.Ngram(1, "katz")).isInstanceOf(SpecException.class)
                .hasMessageContaining("n must be at least 2 with smoothing 'katz'");
        assertThat(new org.iclab.spec.baseline.Ngram(3, "katz").learnerName()).isEqualTo("ngram(3;katz)");
        assertThat(Iclab.ngram(3).learnerName()).isEqualTo("ngram(3)");
        assertThat(Iclab.ngram(8).cannotScore(new MarkovChain(200))).contains("too large");
        assertThat(Iclab.ngram(3).cannotScore(Iclab.regularLanguage())).isNull();
    }

    @Test
    void theBigramBacksOffToTheUnigramAndTheUnigramToUniform() {
        TokenBatch b = sequence(3, 0, 1, 0, 1, 2);
        double[] p = predict(TokenLearner.of(Iclab.ngram(2), new MarkovChain(3)), b);
        // after "0": unigram counts {0: 1}: (1 + 1/3) / 2, (0 + 1/3) / 2; the bigram context "0" is not seen yet
        assertThat(java.util.Arrays.copyOfRange(p, 0, 3)).containsExactly(new double[] {2 / 3.0, 1 / 6.0, 1 / 6.0}, within(1e-12));
        // after "0 1": unigram {0: 1, 1: 1}: (c + 1/3) / 3; context "1" is not seen as a context yet
        assertThat(java.util.Arrays.copyOfRange(p, 3, 6)).containsExactly(new double[] {4 / 9.0, 4 / 9.0, 1 / 9.0}, within(1e-12));
        // after "0 1 0": unigram {0: 2, 1: 1}: 7/12, 4/12, 1/12; context "0" was followed once by 1:
        // ((0 + 7/12) / 2, (1 + 4/12) / 2, (0 + 1/12) / 2)
        assertThat(java.util.Arrays.copyOfRange(p, 6, 9)).containsExactly(new double[] {7 / 24.0, 16 / 24.0, 1 / 24.0}, within(1e-12));
        for (int t = 0; t < 5; t++) {
            assertThat(p[3 * t] + p[3 * t + 1] + p[3 * t + 2]).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void bayesIsTheDirichletPosteriorPredictive() {
        TokenBatch b = sequence(3, 2, 0, 2, 0, 1);
        double[] p = predict(TokenLearner.of(Iclab.bayes(), new MarkovChain(3, 1, 0.5, 5)), b);
        // nothing seen after "2" or "0" yet: (0 + α) / (0 + 3α) = 1/3
        assertThat(java.util.Arrays.copyOfRange(p, 0, 6)).containsOnly(1 / 3.0);
        // after "2 0 2": "2" was followed by 0 once: (1 + .5) / (1 + 1.5), .5 / 2.5, .5 / 2.5
        assertThat(java.util.Arrays.copyOfRange(p, 6, 9)).containsExactly(new double[] {0.6, 0.2, 0.2}, within(1e-12));
        // order 2: the first target is uniform (it is the second of the two uniform tokens)
        double[] second = predict(TokenLearner.of(Iclab.bayes(), new MarkovChain(3, 2, 1.0, 5)), b);
        assertThat(java.util.Arrays.copyOfRange(second, 0, 3)).containsOnly(1 / 3.0);
    }

    @Test
    void theOracleHoldsTheRowsTheSequencesWereDrawnFrom() {
        MarkovChain chain = new MarkovChain(3, 1, 1.0, 4000);
        TokenSampler sampler = new TokenSampler(chain);
        TokenBatch with = sampler.sample(5, 2, 4000, true);
        assertThat(with.ids()).isEqualTo(sampler.sample(5, 2, 4000).ids());
        for (int s = 0; s < 2; s++) {
            // empirical transition frequencies of one long sequence against the oracle's row for each context
            double[][] counts = new double[3][3];
            double[][] row = new double[3][];
            for (int t = 0; t + 1 < 4000; t++) {
                int from = with.id(s, t);
                counts[from][with.target(s, t)]++;
                row[from] = new double[] {with.oracle()[(s * 4000 + t) * 3], with.oracle()[(s * 4000 + t) * 3 + 1],
                        with.oracle()[(s * 4000 + t) * 3 + 2]};
            }
            for (int c = 0; c < 3; c++) {
                double total = counts[c][0] + counts[c][1] + counts[c][2];
                assertThat(row[c][0] + row[c][1] + row[c][2]).isCloseTo(1, within(1e-5));
                for (int v = 0; v < 3; v++) {
                    assertThat(counts[c][v] / total).isCloseTo(row[c][v], within(5 * Math.sqrt(0.25 / total) + 1e-3));
                }
            }
        }
    }

    @Test
    void aMarkovEvaluationIsScoredInNatsWithTheExcessOverBayes() {
        Experiment e = Experiment.builder("m").seed(3).task(Iclab.markovChain(3, 1, 1.0, 40)).model(Iclab.gru(1, 4))
                .evaluate(v -> v.prompts(400).resamples(20)).build();
        assertThat(e.evaluate().baselines()).containsExactly(Iclab.bayes(), Iclab.oracle(), Iclab.ngram(1), Iclab.ngram(2), Iclab.ngram(3));
        List<ErrorCurve> curves = new Evaluator(e).evaluateTokens(batch -> new float[batch.batch() * batch.length() * 3]);
        assertThat(curves).extracting(ErrorCurve::learner).containsExactly("model", "bayes", "oracle", "ngram(1)", "ngram(2)", "ngram(3)");
        ErrorCurve model = curves.get(0);
        ErrorCurve bayes = curves.get(1);
        ErrorCurve oracle = curves.get(2);
        ErrorCurve bigram = curves.get(4);
        for (int t = 0; t < 39; t++) {
            // all-zero logits are the uniform distribution: ln 3 nats everywhere
            assertThat(model.at(t)).isCloseTo(Math.log(3), within(1e-9));
            assertThat(model.beside().get("excess_over_bayes")[t]).isCloseTo(Math.log(3) - bayes.at(t), within(1e-9));
            assertThat(bayes.beside().get("excess_over_bayes")[t]).isZero();
            assertThat(bayes.beside().get("perplexity")[t]).isCloseTo(Math.exp(bayes.at(t)), within(1e-9));
        }
        assertThat(model.at(39)).isNaN();
        // late in the sequence: the oracle is below Bayes, which is below the uniform model; the bigram (strength-1
        // back-off to the unigram) is close to Bayes (uniform Dirichlet prior) but not below it on average
        double late = 0;
        double lateOracle = 0;
        double lateBigram = 0;
        for (int t = 30; t < 39; t++) {
            late += bayes.at(t) / 9;
            lateOracle += oracle.at(t) / 9;
            lateBigram += bigram.at(t) / 9;
        }
        assertThat(lateOracle).isLessThan(late);
        assertThat(late).isLessThan(Math.log(3) - 0.1);
        assertThat(lateBigram).isGreaterThan(late - 0.01);
        // the first target is one of the uniform tokens for Bayes: ln 3
        assertThat(bayes.at(0)).isCloseTo(Math.log(3), within(1e-9));
    }

    @Test
    void tokenLearnersAndPairLearnersStayWithTheirTasks() {
        assertThatThrownBy(() -> Iclab.experiment("x").task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(5)).model(Iclab.gpt2("tiny"))
                .evaluate(v -> v.baselines(Iclab.ngram(2))).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("ngram(2) reads token sequences; it is for token tasks");
        assertThatThrownBy(() -> Iclab.experiment("x").task(Iclab.markovChain(3)).model(Iclab.gru(1, 4))
                .evaluate(v -> v.baselines(Iclab.leastSquares())).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("leastSquares reads (x, y) pairs");
        assertThatThrownBy(() -> Iclab.experiment("x").task(new Copying(5, 2)).model(Iclab.gru(1, 4))
                .evaluate(v -> v.baselines(Iclab.bayes(), Iclab.oracle())).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("bayes needs a task with a closed-form posterior")
                .hasMessageContaining("oracle needs a token task that knows its next-token distributions");
        // the n-gram reads any token task
        Experiment copying = Iclab.experiment("x").task(new Copying(5, 2)).model(Iclab.gru(1, 4))
                .evaluate(v -> v.prompts(20).resamples(10).baselines(Iclab.ngram(3))).build();
        List<ErrorCurve> curves = new Evaluator(copying).evaluateTokens(batch -> new float[batch.batch() * batch.length() * 5]);
        assertThat(curves).extracting(ErrorCurve::learner).containsExactly("model", "ngram(3)");
        assertThat(curves.get(1).beside()).containsKeys("cross_entropy", "perplexity");
    }

    @Test
    void aRegularLanguageIsScoredByDfaAccuracyWithTheDistanceToTheOracle() {
        org.iclab.spec.task.RegularLanguage language = new org.iclab.spec.task.RegularLanguage(new org.iclab.spec.Span(4, 6),
                new org.iclab.spec.Span(3, 5), new org.iclab.spec.Span(1, 3), new org.iclab.spec.Span(3, 4), new org.iclab.spec.Span(2, 6));
        Experiment e = Experiment.builder("r").seed(4).task(language).model(Iclab.gru(1, 4))
                .evaluate(v -> v.prompts(50).resamples(20)).build();
        Evaluator evaluator = new Evaluator(e);
        TokenBatch prompts = evaluator.tokenPrompts();
        int vocabulary = prompts.vocabulary();
        // a stand-in model that always bets on the padding token: never a symbol the automaton allows
        List<ErrorCurve> curves = evaluator.evaluateTokens(batch -> {
            float[] out = new float[batch.batch() * batch.length() * vocabulary];
            for (int i = 0; i < batch.batch() * batch.length(); i++) {
                out[i * vocabulary] = 5;
            }
            return out;
        });
        assertThat(curves).extracting(ErrorCurve::learner).containsExactly("model", "oracle", "ngram(1)", "ngram(2)", "ngram(3)");
        ErrorCurve model = curves.get(0);
        ErrorCurve oracle = curves.get(1);
        ErrorCurve trigram = curves.get(4);
        // k is the index of the string: 3 or 4 strings a prompt
        assertThat(model.points()).isEqualTo(4);
        for (int k = 0; k < 4; k++) {
            assertThat(model.at(k)).isEqualTo(1.0);
            assertThat(oracle.at(k)).as("the oracle's greedy token is always allowed").isZero();
            assertThat(oracle.beside().get("tvd")[k]).isCloseTo(0, within(1e-6));
            assertThat(model.beside().get("tvd")[k]).isGreaterThan(0.9);
        }
        // the in-context trigram improves from the first string to the last as the prompt reveals the automaton
        assertThat(trigram.at(3)).isLessThan(trigram.at(0));
    }

    @Test
    void aStringsScoreIsTheMeanOverItsPositions() {
        org.iclab.spec.task.RegularLanguage language = new org.iclab.spec.task.RegularLanguage(new org.iclab.spec.Span(4, 6),
                new org.iclab.spec.Span(3, 5), new org.iclab.spec.Span(1, 3), new org.iclab.spec.Span(2, 2), new org.iclab.spec.Span(3, 3));
        Experiment e = Experiment.builder("r").seed(4).task(language).model(Iclab.gru(1, 4))
                .evaluate(v -> v.prompts(1).resamples(10).baselines()).build();
        Evaluator evaluator = new Evaluator(e);
        TokenBatch prompt = evaluator.tokenPrompts();
        // "a b c | d e f": targets b, c (string 0), d, e, f (string 1); the model is right at exactly one target of each
        int v = prompt.vocabulary();
        List<ErrorCurve> curves = evaluator.evaluateTokens(batch -> {
            float[] out = new float[batch.length() * v];
            out[prompt.target(0, 0)] = 9;          // b: allowed
            out[v + RegularLanguage_PAD] = 9;      // c: the padding, never allowed
            out[3 * v + prompt.target(0, 3)] = 9;  // d (predicted at the separator): allowed
            out[4 * v + RegularLanguage_PAD] = 9;
            out[5 * v + RegularLanguage_PAD] = 9;
            return out;
        });
        assertThat(prompt.id(0, 3)).isEqualTo(org.iclab.spec.task.RegularLanguage.SEPARATOR);
        assertThat(curves.get(0).at(0)).isCloseTo(0.5, within(1e-12));
        assertThat(curves.get(0).at(1)).isCloseTo(2 / 3.0, within(1e-12));
    }

    private static final int RegularLanguage_PAD = org.iclab.spec.task.RegularLanguage.PAD;
}
