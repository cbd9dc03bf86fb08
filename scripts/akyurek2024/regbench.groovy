// Akyürek, Wang, Kim and Andreas (2024), "In-Context Language Learning: Architectures and Algorithms": RegBench.
// The reference (berlino/seq_icl): random DFAs with 4-12 states, 4-18 symbols, 1-3 edges a state, minimised and
// deduplicated; prompts of 10-19 strings of 1-49 symbols; a fixed training set of one sequence for each of 5,000
// automata and disjoint test ones; next-token cross-entropy with separator targets masked; 200 epochs over the training
// set at batch 32 (31,250 steps), AdamW 5e-4 (its sweeps use 2.5e-4) with weight decay 0.1, a 10% warm-up from 1e-6
// and a cosine decay to 0.1 x lr; the transformer with dropout 0.1 on the embeddings and the attention weights.
// Transformer 8 layers / 128 wide / 2 heads, LSTM 2 x 32 and Mamba 4 layers / 128 wide (the reference applies each of
// their layers to the embeddings and keeps the last, so they act as one layer; iclab stacks them), RetNet 2 layers /
// 32 wide / 8 heads (its experiment config; its sweeps use 8 / 128 / 2). Read from the reference's configs at 9b9223d.
// Its DFA accuracy at 2,500 training automata: Transformer .93, Mamba .85, RetNet .80, LSTM .59; in-context
// 3-gram ~.94, 2-gram ~.83. Sequences are up to 949 tokens: on two cores a step of the 8-layer transformer takes
// seconds; scripts/akyurek2024/small/ holds the reduced setting.
//
//   ./iclab check scripts/akyurek2024/regbench.groovy
def models = [
    gpt2  : { gpt2 { layers 8; heads 2; embed 128; positions 949; embedDropout 0.1; attentionDropout 0.1 } },
    lstm  : { lstm(layers: 2, hidden: 32, positions: 949) },
    mamba : { mamba(layers: 4, embed: 128, state: 16, positions: 949) },
    retnet: { retnet(layers: 2, heads: 8, embed: 32, positions: 949) },
]
models.each { name, modelOf ->
    experiment("akyurek2024-regbench-$name") {
        seed 0
        task regularLanguage(states: 4..12, alphabet: 4..18, edges: 1..3, strings: 10..19, stringLength: 1..49)
        model modelOf()
        train {
            steps 31250
            batch 32
            pool tasks: 5000, prompts: 5000
            optimizer adam(lr: 5e-4, weightDecay: 0.1, warmup: 0.1, warmupFrom: 1e-6, schedule: 'cosine', minLr: 5e-5)
            logEvery 100
            checkpointEvery 1000
        }
        evaluate { prompts 500; baselines ngram(n: 2, smoothing: 'katz'), ngram(n: 3, smoothing: 'katz') }
    }
}
