// The quick start: Garg et al.'s tiny GPT-2 learns linear regression in context.
//
//   ./iclab run scripts/quickstart.groovy
//   ./iclab reproduce scripts/quickstart.groovy      (its claims over three seeds; renders quickstart.md)
//
// Its page, quickstart.md, gives each run's wall time and machine. At the end the table compares the model's error (divided by the
// dimension) with classical learners at k examples in the prompt: by k = 10 the model should be far below
// averaging and approaching least squares, which is optimal here.
experiment('quickstart') {
    seed 1
    task linearRegression(dims: 5)
    inputs gaussian()
    prompt interleaved(points: 11)
    model gpt2('tiny')
    train {
        steps 6000
        batch 64
        optimizer adam(lr: 1e-3)
        logEvery 100
        checkpointEvery 2000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
    }
}

claims {
    scale 'd = 5 and 11 points, a tiny GPT-2 (3 layers, 2 heads, 64 wide) for 6,000 steps at batch 64 without a curriculum; ' +
            'Garg et al. train the standard GPT-2 (12 layers) for 500,000 steps at d = 20 with a curriculum'
    claim('the trained model\'s error is below 3-nearest neighbours\' and averaging\'s at every k from d to 2d',
            paper: 'Garg et al. 2022, Fig. 2: the Transformer is far below nearest neighbours and averaging') {
        (5..10).every { k ->
            error('quickstart', k: k) < error('quickstart', learner: 'nearestNeighbors', k: k) &&
                    error('quickstart', k: k) < error('quickstart', learner: 'averaging', k: k)
        }
    }
    claim('the trained model matches least squares, the optimal estimator, once k >= 2d: error/d within 0.02 of it',
            paper: 'Garg et al. 2022, Fig. 2: error/d 0.02 at k = d = 20 and 0.0006 at k = 2d', atMost: 0.02) {
        error('quickstart', k: 10) - error('quickstart', learner: 'leastSquares', k: 10)
    }
}

figures {
    curve('quickstart', learners: ['model', 'leastSquares', 'nearestNeighbors', 'averaging'])
    metric('quickstart', 'loss')
}
