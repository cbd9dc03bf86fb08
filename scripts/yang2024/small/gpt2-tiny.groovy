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
