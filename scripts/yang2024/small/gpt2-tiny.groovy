// The baseline of yang2024/small/looped.groovy: Garg's tiny GPT-2 (3 separate layers, 64 wide, 2 heads) on the same
// task, prompts, steps and learning rate.
experiment('yang2024-small-gpt2-tiny') {
    seed 0
    task linearRegression(dims: 5)
    prompt stacked(points: 11)     // as looped.groovy beside it
    model gpt2 { layers 3; heads 2; embed 64; positions 11 }
    train {
        steps 20000
        batch 64
        optimizer adam(lr: 1e-3)
        logEvery 500
        checkpointEvery 5000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
    }
}

claims {
    scale 'd = 5 and 11 stacked points (k up to 2d), a 3-layer GPT-2 (2 heads, 64 wide) for 20,000 steps at batch 64, Adam 1e-3, ' +
            'without a curriculum; Yang et al. compare with the standard GPT-2 (12 layers, 8 heads, 256 wide) at d = 20 with 41 ' +
            'interleaved points, trained for 500,000 steps with Garg et al.\'s curriculum'
    claim('the standard transformer, Yang et al.\'s baseline, is below 3-nearest neighbours and averaging at every k from d to 2d',
            paper: 'Yang et al. 2024: the standard transformer learns linear regression in context (after Garg et al. 2022, Fig. 2)') {
        (5..10).every { k ->
            error('yang2024-small-gpt2-tiny', k: k) < error('yang2024-small-gpt2-tiny', learner: 'nearestNeighbors', k: k) &&
                    error('yang2024-small-gpt2-tiny', k: k) < error('yang2024-small-gpt2-tiny', learner: 'averaging', k: k)
        }
    }
    claim('the standard transformer matches least squares once k = d: error/d at most 0.02 above it',
            paper: 'Yang et al. 2024: the standard transformer reaches least squares\' error; Garg et al. 2022, Fig. 2: error/d 0.02 ' +
                    'at k = d = 20', atMost: 0.02) {
        error('yang2024-small-gpt2-tiny', k: 5) - error('yang2024-small-gpt2-tiny', learner: 'leastSquares', k: 5)
    }
}

figures {
    curve('yang2024-small-gpt2-tiny', learners: ['model', 'leastSquares', 'nearestNeighbors', 'averaging'])
}
