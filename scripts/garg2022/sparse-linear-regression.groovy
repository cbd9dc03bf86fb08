// Garg et al. 2022, Figure 4 (left): sparse linear regression, 20 dimensions, 3 non-zero weights; errors are
// divided by the sparsity. conf/sparse_linear_regression.yaml: as linear regression, with task_kwargs sparsity 3.
// Baselines: least squares, 3-NN, averaging and Lasso over Garg's alpha sweep.
//
//   ./iclab run scripts/garg2022/sparse-linear-regression.groovy --set train.steps=200 --set evaluate.prompts=64
experiment('garg2022-sparse-linear-regression') {
    seed 0
    task sparseLinearRegression(dims: 20, sparsity: 3)
    inputs gaussian()
    prompt interleaved(points: 41)
    model gpt2('standard')
    train {
        steps 500001           // their train_steps: the loop runs range(0, train_steps)
        batch 64
        optimizer adam(lr: 1e-4)
        curriculum { dims 5, 20, by: 1, every: 2000; points 11, 41, by: 2, every: 2000 }
        checkpointEvery 1000
        logEvery 100
    }
    evaluate {
        prompts 1280
        strategies all()
        baselines leastSquares(), nearestNeighbors(k: 3), averaging(),
                lasso(alpha: 1), lasso(alpha: 0.1), lasso(alpha: 0.01), lasso(alpha: 0.001), lasso(alpha: 0.0001)
    }
}
