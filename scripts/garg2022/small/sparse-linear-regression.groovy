// Reduced-scale reproduction of Garg et al.'s sparse linear regression on two cores: d = 8, 3 non-zero weights,
// 17 points (k up to 2d), tiny GPT-2, 20k steps at lr 5e-4. Errors are divided by the sparsity.
experiment('garg2022-small-sparse-linear-regression') {
    seed 0
    task sparseLinearRegression(dims: 8, sparsity: 3)
    prompt interleaved(points: 17)
    model gpt2('tiny')
    train {
        steps 20000
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

claims {
    scale 'd = 8 with 3 non-zero weights, 17 points (k up to 2d), a tiny GPT-2 (3 layers, 2 heads, 64 wide) for 20,000 steps ' +
            'at batch 64, Adam 5e-4, without a curriculum; Garg et al.: d = 20 with 3 non-zero weights, 41 points, the standard ' +
            'GPT-2 (12 layers) for 500,000 steps with a curriculum'
    claim('the model outperforms least squares below k = d: its error is below least squares\' at every k from 1 to d - 1',
            paper: 'Garg et al. 2022, Fig. 4 (left) and abstract: on sparse linear functions the model outperforms least squares') {
        (1..7).every { k ->
            error('garg2022-small-sparse-linear-regression', k: k) <
                    error('garg2022-small-sparse-linear-regression', learner: 'leastSquares', k: k)
        }
    }
    claim('the model nearly matches the best Lasso: at k = d/4 and k = d/2 its error/sparsity is at most 0.05 above that of ' +
            'the best of the three Lassos',
            paper: 'Garg et al. 2022, Fig. 4 (left): error 0.58 and 0.09 against Lasso\'s 0.62 and 0.08 at k = 5 and 10 (d = 20)', atMost: 0.05) {
        [2, 4].collect { k ->
            error('garg2022-small-sparse-linear-regression', k: k) -
                    ['lasso(0.1)', 'lasso(0.01)', 'lasso(0.001)'].collect { l -> error('garg2022-small-sparse-linear-regression', learner: l, k: k) }.min()
        }.max()
    }
}

figures {
    curve('garg2022-small-sparse-linear-regression', learners: ['model', 'leastSquares', 'lasso(0.1)', 'lasso(0.01)', 'lasso(0.001)'])
}
