// Reduced-scale sparse regression on two cores, the smallest setting: d = 4, 1 non-zero weight, 9 points (k up to
// 2d), tiny GPT-2, 40k steps at lr 5e-4. Errors are divided by the sparsity.
experiment('garg2022-small-sparse-linear-regression-d4') {
    seed 0
    task sparseLinearRegression(dims: 4, sparsity: 1)
    prompt interleaved(points: 9)
    model gpt2('tiny')
    train {
        steps 40000
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
