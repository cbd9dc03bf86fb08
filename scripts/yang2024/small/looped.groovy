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
