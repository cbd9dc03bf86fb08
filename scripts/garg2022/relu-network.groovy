// Garg et al. 2022, Figure 4 (middle): 2-layer ReLU networks with 100 hidden units on 20 dimensions
// (output scaled by sqrt(2/100)). conf/relu_2nn_regression.yaml: 101 points per prompt, curriculum points
// 26 -> 101 (+5 every 2000 steps), dims 5 -> 20. Baselines include a 2-layer ReLU net trained on each prompt
// by Adam (100 steps, lr 5e-3, batch 100) as in the paper.
//
//   ./iclab run scripts/garg2022/relu-network.groovy --set train.steps=200 --set evaluate.prompts=64
experiment('garg2022-relu-network') {
    seed 0
    task reluNetwork(dims: 20, hidden: 100)
    inputs gaussian()
    prompt interleaved(points: 101)
    model gpt2('standard')
    train {
        steps 500001           // their train_steps: the loop runs range(0, train_steps)
        batch 64
        optimizer adam(lr: 1e-4)
        curriculum { dims 5, 20, by: 1, every: 2000; points 26, 101, by: 5, every: 2000 }
        checkpointEvery 1000
        logEvery 100
    }
    evaluate {
        prompts 1280
        strategies all()
        baselines leastSquares(), nearestNeighbors(k: 3), averaging(),
                gradientDescentNet(hidden: 100, steps: 100, lr: 5e-3, batch: 100)
    }
}
