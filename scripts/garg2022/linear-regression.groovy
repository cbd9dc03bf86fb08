// Garg et al. 2022, "What can transformers learn in-context?", Figure 2: linear regression in 20 dimensions.
// Their conf/linear_regression.yaml: GPT-2 standard (12 layers, 8 heads, 256 wide), batch 64, Adam 1e-4,
// 500,001 steps (train_steps), curriculum dims 5 -> 20 (+1 every 2000 steps), points 11 -> 41 (+2 every 2000 steps).
//
//   ./iclab check scripts/garg2022/linear-regression.groovy
//   ./iclab run scripts/garg2022/linear-regression.groovy --set train.steps=200 --set evaluate.prompts=64   (a small run)
//
// The paper's run takes days on a GPU; on two cores 500k steps of the standard model take weeks (about 2 steps/s).
experiment('garg2022-linear-regression') {
    seed 0
    task linearRegression(dims: 20)
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
        strategies all()          // Figure 3's out-of-distribution prompts
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
    }
}
