// RegBench on two cores: automata with 4-6 states, 4-8 symbols and 1-3 edges a state; prompts of 4-6 strings of
// 2-8 symbols (at most 53 tokens); a fixed training set of one sequence for each of 2,500 automata, as the reference's
// (berlino/seq_icl: one sequence per automaton, drawn once), and disjoint evaluation automata. The reference's
// scale-free settings (read from its configs at 9b9223d): AdamW 5e-4 with weight decay 0.1, a 10% warm-up from 1e-6,
// a cosine decay to 0.1 x lr, batch 32, about 200 epochs (15,000 steps of 32 over 2,500 sequences: 192), the same
// steps for every architecture; the transformer with dropout 0.1 on the embeddings and on the attention weights,
// none on the residual stream; RetNet at the reference's experiment size (2 layers, 32 wide, 8 heads). A tiny GPT-2
// (3 layers, 2 heads, 64 wide), an LSTM and Mamba of about its size. Compare each model's DFA error with the
// reference's in-context 2- and 3-grams (ngram(n, smoothing: 'katz')) and iclab's interpolated ones.
//
//   ./iclab run scripts/akyurek2024/small/regbench.groovy --threads 1
def models = [
    gpt2  : { gpt2 { layers 3; heads 2; embed 64; positions 53; embedDropout 0.1; attentionDropout 0.1 } },
    lstm  : { lstm(layers: 2, hidden: 64, positions: 53) },
    retnet: { retnet(layers: 2, heads: 8, embed: 32, positions: 53) },
    mamba : { mamba(layers: 2, embed: 64, state: 16, positions: 53) },
]
models.each { name, modelOf ->
    experiment("akyurek2024-small-regbench-$name") {
        seed 0
        task regularLanguage(states: 4..6, alphabet: 4..8, edges: 1..3, strings: 4..6, stringLength: 2..8)
        model modelOf()
        train {
            steps 15000
            batch 32
            pool tasks: 2500, prompts: 2500
            optimizer adam(lr: 5e-4, weightDecay: 0.1, warmup: 0.1, warmupFrom: 1e-6, schedule: 'cosine', minLr: 5e-5)
            logEvery 500
            checkpointEvery 2500
        }
        evaluate {
            prompts 500
            baselines ngram(n: 2, smoothing: 'katz'), ngram(n: 3, smoothing: 'katz'), ngram(2), ngram(3)
        }
    }
}

claims {
    scale 'automata with 4-6 states and 4-8 symbols, prompts of 4-6 strings of 2-8 symbols, a fixed set of one sequence for each ' +
            'of 2,500 training automata, models of about 64 wide (RetNet 32) for 15,000 steps of batch 32 each; RegBench: 4-12 ' +
            'states, 4-18 symbols, 10-19 strings of 1-49 symbols, an 8-layer 128-wide Transformer for 200 epochs'
    scale 'the reference\'s LSTM and Mamba (its lm_simple_noffn) apply every layer to the embeddings and keep the last ' +
            'layer\'s output, so its stacked LSTM and Mamba act as one layer; iclab stacks them'
    // DFA accuracy = 1 - dfa_error, per string k = 0..5; each claim reads the mean over the strings
    claim('the Transformer beats the recurrent and state-space models: GPT-2\'s DFA accuracy (mean over the strings) is above ' +
            'the LSTM\'s, RetNet\'s and Mamba\'s',
            paper: 'Akyürek et al. 2024: DFA accuracy with 2,500 training automata: Transformer .93, Mamba .85, RetNet .80, LSTM .59') {
        def dfa = { name -> mean(accuracy("akyurek2024-small-regbench-$name", k: 0..5)) }
        ['lstm', 'retnet', 'mamba'].every { other -> dfa('gpt2') > dfa(other) }
    }
    claim('the Transformer is about as good as the in-context 3-gram: its DFA accuracy within 10% of the reference 3-gram\'s',
            paper: 'Akyürek et al. 2024: Transformer .93 with 2,500 training automata, in-context 3-gram ≈.94', within: [0.9, 1.1]) {
        mean(accuracy('akyurek2024-small-regbench-gpt2', k: 0..5)) /
                mean(accuracy('akyurek2024-small-regbench-gpt2', learner: 'ngram(3;katz)', k: 0..5))
    }
    claim('the recurrent and state-space models fall short of the in-context 3-gram on the same prompts',
            paper: 'Akyürek et al. 2024: Mamba .85, RetNet .80, LSTM .59 with 2,500 training automata, the in-context 3-gram ≈.94') {
        ['lstm', 'retnet', 'mamba'].every { other ->
            mean(accuracy("akyurek2024-small-regbench-$other", k: 0..5)) <
                    mean(accuracy("akyurek2024-small-regbench-$other", learner: 'ngram(3;katz)', k: 0..5))
        }
    }
    claim('the models improve along the prompt: every model\'s DFA accuracy on the last string is above that on the first',
            paper: 'Akyürek et al. 2024 score in-context learners along the prompt; this checks that each model learns in context ' +
                    'at all (the paper gives no number for it)') {
        ['gpt2', 'lstm', 'retnet', 'mamba'].every { name ->
            accuracy("akyurek2024-small-regbench-$name", k: 5) > accuracy("akyurek2024-small-regbench-$name", k: 0)
        }
    }
}

figures {
    ['gpt2', 'lstm', 'retnet', 'mamba'].each { name ->
        curve("akyurek2024-small-regbench-$name", learners: ['model', 'ngram(2;katz)', 'ngram(3;katz)', 'ngram(3)'])
    }
}
