// RegBench on two cores: automata with 4-6 states, 4-8 symbols and 1-3 edges a state; prompts of 4-6 strings of
// 2-8 symbols (at most 53 tokens); 2,500 training automata and disjoint evaluation ones. A tiny GPT-2 (3 layers,
// 2 heads, 64 wide) against an LSTM, RetNet and Mamba of about its size, AdamW 1e-3 with weight decay 0.1, cosine
// schedule with 10% warm-up, batch 32. Compare each model's DFA error with the in-context 2- and 3-grams.
// Steps differ by speed so that each run takes under half an hour on one core: GPT-2 and the LSTM 15,000,
// RetNet 12,000, Mamba 7,500 (its state update is a recurrence over positions, 4x slower than GPT-2 here).
//
//   ./iclab run scripts/akyurek2024/small/regbench.groovy --threads 1
def models = [
    gpt2  : [15000, { gpt2 { layers 3; heads 2; embed 64; positions 53 } }],
    lstm  : [15000, { lstm(layers: 2, hidden: 64, positions: 53) }],
    retnet: [12000, { retnet(layers: 3, heads: 2, embed: 64, positions: 53) }],
    mamba : [7500, { mamba(layers: 2, embed: 64, state: 16, positions: 53) }],
]
models.each { name, setting ->
    def (count, modelOf) = setting
    experiment("akyurek2024-small-regbench-$name") {
        seed 0
        task regularLanguage(states: 4..6, alphabet: 4..8, edges: 1..3, strings: 4..6, stringLength: 2..8)
        model modelOf()
        train {
            steps count
            batch 32
            pool tasks: 2500
            optimizer adam(lr: 1e-3, weightDecay: 0.1, warmup: 0.1, schedule: 'cosine')
            logEvery 500
            checkpointEvery 2500
        }
        evaluate { prompts 500 }
    }
}
