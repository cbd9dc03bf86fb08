// Garg et al. 2022, Figure 4 (right): depth-4 decision trees on 20 dimensions (random split coordinates,
// threshold 0, leaves N(0, 1)); errors are not divided (scale 1). conf/decision_tree.yaml: 101 points per prompt,
// curriculum points 26 -> 101 (+5 every 2000 steps), dims 5 -> 20.
// Baselines: greedy trees (depth 4 and unlimited), XGBoost, 3-NN, least squares, averaging.
//
//   ./iclab run scripts/garg2022/decision-tree.groovy --set train.steps=200 --set evaluate.prompts=64
experiment('garg2022-decision-tree') {
    seed 0
    task decisionTree(dims: 20, depth: 4)
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
                greedyTree(maxDepth: 4), greedyTree(maxDepth: 0),
                gradientBoosting(method: 'exact', baseScore: 0.5)   // XGBoost 1.6.1's, as Garg et al.'s environment pins
    }
}
