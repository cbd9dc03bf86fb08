// The seeds benchmark's small preset (samples/benchmark.sh --seeds): Garg et al.'s tiny GPT-2 on linear regression,
// d = 5 and 11 points, batch 64, trained for 1,000 steps and evaluated against least squares, the shape of a seed
// of a reduced-scale reproduction at a fraction of its steps.
experiment('seeds-tiny') {
    seed 1
    task linearRegression(dims: 5)
    prompt interleaved(points: 11)
    model gpt2('tiny')
    train {
        steps 1000
        batch 64
        optimizer adam(lr: 1e-3)
        logEvery 100
        checkpointEvery 500
    }
    evaluate {
        prompts 640
        baselines leastSquares()
    }
}
