// Akyürek, Wang, Kim and Andreas (2024), "In-Context Language Learning: Architectures and Algorithms": RegBench.
// The reference (berlino/seq_icl): random DFAs with 4-12 states, 4-18 symbols, 1-3 edges a state, minimised and
// deduplicated; prompts of 10-19 strings of 1-49 symbols; 5,000 training automata and disjoint test ones; next-token
// cross-entropy with separator targets masked; 200 epochs over the training set at batch 32 (31,250 steps), AdamW
// 5e-4 with weight decay 0.1, a cosine schedule with 10% warm-up. Transformer 8 layers / 128 wide / 2 heads, LSTM
// 2 x 32 (as read from the reference's configs), Mamba 4 layers / 128 wide, RetNet at the transformer's size.
// Its DFA accuracy at 2,500 training automata: Transformer .93, Mamba .85, RetNet .80, LSTM .59; in-context
// 3-gram ~.94, 2-gram ~.83. Sequences are up to 949 tokens: on two cores a step of the 8-layer transformer takes
// seconds; scripts/akyurek2024/small/ holds the reduced setting.
//
//   ./iclab check scripts/akyurek2024/regbench.groovy
def models = [
    gpt2  : { gpt2 { layers 8; heads 2; embed 128; positions 949 } },
    lstm  : { lstm(layers: 2, hidden: 32, positions: 949) },
    mamba : { mamba(layers: 4, embed: 128, state: 16, positions: 949) },
    retnet: { retnet(layers: 8, heads: 2, embed: 128, positions: 949) },
]
models.each { name, modelOf ->
    experiment("akyurek2024-regbench-$name") {
        seed 0
        task regularLanguage(states: 4..12, alphabet: 4..18, edges: 1..3, strings: 10..19, stringLength: 1..49)
        model modelOf()
        train {
            steps 31250
            batch 32
            pool tasks: 5000
            optimizer adam(lr: 5e-4, weightDecay: 0.1, warmup: 0.1, schedule: 'cosine')
            logEvery 100
            checkpointEvery 1000
        }
        evaluate { prompts 500 }
    }
}
