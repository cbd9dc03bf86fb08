// Guo et al. 2023, "How Do Transformers Learn In-Context Beyond Simple Functions? A Case Study on Learning with
// Representations" (no public code: the sizes here are our choice, recorded in spec.json): y = <w, Phi(x)> + noise
// with Phi a fixed random ReLU MLP with orthogonal matrices, d = 20, width 20, 3 layers, noise 0.1; GPT-2 with 12
// layers, 8 heads, 256 wide, batch 64, Adam 1e-4, 300k steps. Compare the model with ridge on x and bayes() (ridge on
// Phi(x)), and probe Phi(x) layer by layer. For a GPU or a patient CPU; small/ holds the two-core version.
experiment('guo2023-representation') {
    seed 0
    task representation(dims: 20, layers: 3, width: 20, activation: 'relu', noise: 0.1)
    prompt interleaved(41)
    model gpt2('standard')
    train {
        steps 300000
        batch 64
        optimizer adam(lr: 1e-4)
        logEvery 1000
        checkpointEvery 10000
        evaluateEvery 10000
    }
    evaluate {
        baselines leastSquares(), ridge(0.01), averaging(), bayes()
    }
}
