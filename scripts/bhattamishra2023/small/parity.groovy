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
