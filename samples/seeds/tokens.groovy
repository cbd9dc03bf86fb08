// The seeds benchmark's token preset (samples/benchmark.sh --seeds): a tiny GPT-2 predicting the next state of a fresh
// 4-state Markov chain per prompt, 32 tokens, batch 64, trained for 600 steps and evaluated against the in-context
// n-grams and the Bayes-optimal predictor.
experiment('seeds-tokens') {
    seed 1
    task markovChain(states: 4, order: 1, concentration: 1, length: 32)
    model gpt2 { layers 3; heads 2; embed 64; positions 32 }
    train {
        steps 600
        batch 64
        optimizer adam(lr: 1e-3)
        logEvery 100
        checkpointEvery 300
    }
    evaluate { prompts 256 }
}
