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
        baselines leastSquares(), nearestNeighbors(k: 3), averaging(), greedyTree(maxDepth: 4), greedyTree(maxDepth: 0),
                gradientBoosting(method: 'exact', baseScore: 0.5)   // XGBoost 1.6.1's, as Garg et al.'s environment pins
    }
}

claims {
    scale 'depth-4 trees on d = 5 with 31 points, a tiny GPT-2 (3 layers, 2 heads, 64 wide) for 20,000 steps at batch 64, ' +
            'Adam 5e-4, without a curriculum; Garg et al.: d = 20 with 101 points, the standard GPT-2 (12 layers), ' +
            '500,000 steps with a curriculum'
    claim('at the last example the model\'s error is below every baseline\'s: greedy trees (depth 4 and unlimited), XGBoost, ' +
            '3-nearest neighbours, least squares and averaging',
            paper: 'Garg et al. 2022, Fig. 4 (right): at k = 100 the Transformer 0.12, the greedy tree 0.80, XGBoost 0.62') {
        ['greedyTree(4)', 'greedyTree(unlimited)', 'gradientBoosting(method=exact;baseScore=0.5)', 'nearestNeighbors', 'leastSquares', 'averaging'].every { learner ->
            error('garg2022-small-decision-tree', k: 30) < error('garg2022-small-decision-tree', learner: learner, k: 30)
        }
    }
    claim('the model is far below XGBoost, the best tree learner: at most half its error at the last example',
            paper: 'Garg et al. 2022, Fig. 4 (right): 0.12 against XGBoost\'s 0.62 at k = 100, about a fifth', atMost: 0.5) {
        error('garg2022-small-decision-tree', k: 30) / error('garg2022-small-decision-tree', learner: 'gradientBoosting(method=exact;baseScore=0.5)', k: 30)
    }
}

figures {
    curve('garg2022-small-decision-tree', learners: ['model', 'greedyTree(4)', 'greedyTree(unlimited)', 'gradientBoosting(method=exact;baseScore=0.5)', 'leastSquares'])
}
