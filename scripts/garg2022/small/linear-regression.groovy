// Reduced-scale reproduction of Garg et al.'s linear regression on two cores: d = 5, 11 points (k up to 2d),
// tiny GPT-2, 30k steps at lr 5e-4.
experiment('garg2022-small-linear-regression') {
    seed 0
    task linearRegression(dims: 5)
    prompt interleaved(points: 11)
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
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
    }
}

claims {
    scale 'd = 5 and 11 points (k up to 2d), a tiny GPT-2 (3 layers, 2 heads, 64 wide) for 30,000 steps at batch 64, Adam 5e-4, ' +
            'without a curriculum; Garg et al. train the standard GPT-2 (12 layers, 8 heads, 256 wide) for 500,000 steps at ' +
            'd = 20 with 41 points and a curriculum'
    claim('the trained model\'s error is below 3-nearest neighbours\' and averaging\'s at every k from d to 2d',
            paper: 'Garg et al. 2022, Fig. 2: the Transformer is far below nearest neighbours and averaging') {
        (5..10).every { k ->
            error('garg2022-small-linear-regression', k: k) < error('garg2022-small-linear-regression', learner: 'nearestNeighbors', k: k) &&
                    error('garg2022-small-linear-regression', k: k) < error('garg2022-small-linear-regression', learner: 'averaging', k: k)
        }
    }
    claim('the model matches least squares, the optimal estimator, once k = d: error/d at most 0.02 above it',
            paper: 'Garg et al. 2022, Fig. 2: error/d 0.02 at k = d = 20 (least squares: 0)', atMost: 0.02) {
        error('garg2022-small-linear-regression', k: 5) - error('garg2022-small-linear-regression', learner: 'leastSquares', k: 5)
    }
    claim('below k = d the model tracks least squares: its error is at most 10% above least squares\' at every k from 1 to d - 1',
            paper: 'Garg et al. 2022, Fig. 2: the Transformer\'s error curve follows least squares\' at every prompt length', atMost: 1.1) {
        (1..4).collect { k ->
            error('garg2022-small-linear-regression', k: k) / error('garg2022-small-linear-regression', learner: 'leastSquares', k: k)
        }.max()
    }
}

figures {
    curve('garg2022-small-linear-regression', learners: ['model', 'leastSquares', 'nearestNeighbors', 'averaging'])
}
