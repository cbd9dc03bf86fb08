// Reduced-scale reproduction of Bhattamishra et al. (2023), parities, on two cores: n = 10, 30 examples a prompt,
// a tiny GPT-2 and a one-layer LSTM (64 wide), 4000 steps of batch 64, Adam 5e-4. The paper finds every architecture
// at chance on parities, while Gaussian elimination over GF(2) is exact once the examples span the inputs (k >= n).
//
//   ./iclab run scripts/bhattamishra2023/small/parity.groovy
for (arch in ['gpt2', 'lstm']) {
    experiment("bhattamishra2023-small-parity-$arch") {
        seed 0
        task parity(dims: 10)
        prompt interleaved(points: 30)
        model arch == 'gpt2' ? gpt2('tiny') : lstm(layers: 1, hidden: 64)
        train {
            steps 4000
            batch 64
            optimizer adam(lr: 5e-4)
            logEvery 250
            checkpointEvery 1000
        }
        evaluate { prompts 1280 }
    }
}

claims {
    scale 'n = 10, 30 examples, a tiny GPT-2 (3 layers) and a one-layer LSTM (64 wide) for 4,000 steps; ' +
            'the paper: n = 28, a 12-layer GPT-2 and five other architectures'
    ['gpt2', 'lstm'].each { arch -> // each: a claim's block reads its own arch when it runs
        claim("parities are not learned in context by ${arch == 'gpt2' ? 'GPT-2' : 'the LSTM'}: accuracy at the last example within [0.4, 0.6]",
                paper: 'Bhattamishra et al. 2023: every architecture at chance (≈50%) on parity and sparse parity', within: [0.4, 0.6]) {
            accuracy("bhattamishra2023-small-parity-$arch", k: 29)
        }
    }
    claim('the failure is not for lack of information: on the same prompts Gaussian elimination over GF(2) is at least 0.95 ' +
            'accurate at k = 29 while GPT-2 stays below 0.6',
            paper: 'Bhattamishra et al. 2023: models at chance on parities, a class Gaussian elimination learns from O(n) examples') {
        accuracy('bhattamishra2023-small-parity-gpt2', learner: 'gaussianElimination', k: 29) >= 0.95 &&
                accuracy('bhattamishra2023-small-parity-gpt2', k: 29) < 0.6
    }
}

figures {
    ['gpt2', 'lstm'].each { arch ->
        curve("bhattamishra2023-small-parity-$arch", value: 'accuracy', learners: ['model', 'gaussianElimination', 'nearestNeighbors'])
    }
}
