// Reduced-scale reproduction of Garg et al.'s sparse linear regression on two cores: d = 8, 1 non-zero weight,
// 17 points (k up to 2d), tiny GPT-2, 30k steps at lr 5e-4. Errors are divided by the sparsity.
experiment('garg2022-small-sparse-linear-regression-1') {
    seed 0
    task sparseLinearRegression(dims: 8, sparsity: 1)
    prompt interleaved(points: 17)
    model gpt2('tiny')
    train {
        steps 30000
        batch 64
        optimizer adam(lr: 5e-4)
        logEvery 500
        checkpointEvery 5000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), nearestNeighbors(k: 3), averaging(), lasso(alpha: 0.1), lasso(alpha: 0.01), lasso(alpha: 0.001)
    }
}
