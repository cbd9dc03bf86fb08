// Two-core version of Yang et al.'s comparison: a looped 1-layer block (64 wide, 2 heads) on linear regression with
// d = 5 and 11 points, 8 loops with a window of 4, the loop count grown from 1. Compare with gpt2-tiny.groovy
// beside it (the same data and steps, three separate layers: about three times the parameters).
experiment('yang2024-small-looped') {
    seed 0
    task linearRegression(dims: 5)
    prompt stacked(points: 11)     // with interleaved prompts the looped model needs about 40k steps (README)
    model looped(block: gpt2 { layers 1; heads 2; embed 64; positions 11 }, loops: 8, window: 4)
    train {
        steps 20000
        batch 64
        optimizer adam(lr: 1e-3)
        curriculum { loops 1, 8, by: 1, every: 500 }
        logEvery 500
        checkpointEvery 5000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
        loops 4, 16, 32
    }
}

claims {
    scale 'a looped one-layer block 64 wide with 2 heads, b = 8 loops and a window of T = 4, stacked prompts, d = 5 and 11 points, ' +
            '20,000 steps at batch 64, Adam 1e-3; Yang et al.: a block 256 wide with 8 heads, b = 30 and T = 15 for linear ' +
            'regression, d = 20 and 41 interleaved points, Garg et al.\'s curriculum, 500,000 steps'
    claim('the looped transformer matches least squares once k = d, as the standard transformer does: error/d at most 0.02 above it',
            paper: 'Yang et al. 2024: the looped transformer performs as well as the standard transformer on linear regression, ' +
                    'with a fraction of its parameters (Garg et al. 2022, Fig. 2: error/d 0.02 at k = d = 20)', atMost: 0.02) {
        error('yang2024-small-looped', k: 5) - error('yang2024-small-looped', learner: 'leastSquares', k: 5)
    }
    claim('run for more loops than it was trained with, it keeps its error: after 32 loops its mean error over k = d..2d is at ' +
            'most 10% above that after the trained 8',
            paper: 'Yang et al. 2024: trained with a window of loops, the looped transformer converges to a fixed point and its ' +
                    'error stays flat at inference loop counts beyond b', atMost: 1.1) {
        mean(error('yang2024-small-looped', learner: 'model@32', k: 5..10)) / mean(error('yang2024-small-looped', k: 5..10))
    }
    claim('fewer loops than trained do worse: after 4 loops its mean error over k = d..2d is above that after the trained 8',
            paper: 'Yang et al. 2024: the error falls as the loop count grows towards b') {
        mean(error('yang2024-small-looped', learner: 'model@4', k: 5..10)) > mean(error('yang2024-small-looped', k: 5..10))
    }
}

figures {
    curve('yang2024-small-looped', learners: ['model', 'model@4', 'model@32', 'leastSquares'])
}
