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
