// Raventós et al. 2023 on two cores: noisy linear regression in D = 8 (noise variance 0.25), K = 16 examples,
// tokens x -> [0, x] and y -> [y, 0]; a tiny GPT-2 (3 layers, 2 heads, 64 wide), batch 64, Adam 1e-3 with the
// triangle schedule, 8,000 steps per point; M = 2, 8, 32, 128, 512, 2048 pretraining tasks and unlimited. dMMSE
// (bayes(), the posterior mean over each model's own pool) and ridge (lambda = 0.25) on fresh tasks (standard) and
// on the pretraining tasks (trainingTasks).
//
//   ./iclab sweep scripts/raventos2023/small/task-diversity.groovy --parallel 2
experiment('raventos2023-small-task-diversity') {
    seed 0
    task noisyLinearRegression(dims: 8, noise: 0.5)
    prompt interleaved(points: 16, disjoint: true)
    model gpt2 { layers 3; heads 2; embed 64; positions 32 }
    train {
        steps 8000
        batch 64
        optimizer adam(lr: 1e-3, warmup: 0.5, schedule: 'linear')
        logEvery 250
        checkpointEvery 1000
    }
    evaluate {
        prompts 1280
        strategies standard(), trainingTasks()
        baselines ridge(0.25), bayes(), leastSquares()
    }
}
sweep {
    axis 'train.pool.tasks', [2, 8, 32, 128, 512, 2048, 'inf']
}
