// In-context n-gram learning on two cores: a fresh random Markov chain per prompt (4 states, first order, uniform
// Dirichlet rows), 32 tokens long; a tiny GPT-2 and a GRU trained to predict each next token. eval.csv gives the
// cross-entropy in nats at each position (it falls as the prompt reveals the table) for the model, the Bayes-optimal
// predictor, the true rows and the in-context 1-, 2- and 3-grams; eval.json adds each one's excess over Bayes.
//
//   ./iclab run scripts/tokens/markov-chain.groovy
//
// A token task needs no prompt line: its prompt is the sequence itself (tokens()), its length the task's.
for (arch in ['gpt2', 'gru']) {
    experiment("markov-chain-$arch") {
        seed 1
        task markovChain(states: 4, order: 1, concentration: 1, length: 32)
        model arch == 'gpt2' ? gpt2 { layers 3; heads 2; embed 64; positions 32 } : gru(layers: 1, hidden: 64)
        train {
            steps 3000
            batch 64
            optimizer adam(lr: 1e-3)
            logEvery 100
            checkpointEvery 1000
        }
        evaluate { prompts 512 }
    }
}
