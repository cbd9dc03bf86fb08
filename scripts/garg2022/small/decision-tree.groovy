// Reduced-scale reproduction of Garg et al.'s decision trees on two cores: depth-4 trees on d = 5, 31 points,
// tiny GPT-2, 20k steps at lr 5e-4. Errors are not divided (scale 1).
experiment('garg2022-small-decision-tree') {
    seed 0
    task decisionTree(dims: 5, depth: 4)
    prompt interleaved(points: 31)
    model gpt2('tiny')
    train {
        steps 20000
        batch 64
        optimizer adam(lr: 5e-4)
        logEvery 500
        checkpointEvery 5000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), nearestNeighbors(k: 3), averaging(), greedyTree(maxDepth: 4), greedyTree(maxDepth: 0), gradientBoosting()
    }
}
