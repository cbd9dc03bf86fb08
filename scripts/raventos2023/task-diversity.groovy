// Raventós et al. 2023, "Pretraining task diversity and the emergence of non-Bayesian in-context learning for
// regression": noisy linear regression in D = 8 with noise variance 0.25 (noise 0.5), K = 16 examples, tokens
// x -> [0, x] and y -> [y, 0]; the base model (8 layers, 128 wide, 2 heads), batch 256, Adam 1e-3 with the triangle
// schedule (half the steps up, half down), 500k steps; M pretraining tasks from 2^1 to 2^20 and unlimited. Each
// model is compared with dMMSE (bayes(): the posterior mean over its own pool) and ridge (lambda = sigma^2 / tau^2
// = 0.25), on fresh tasks (standard) and on the pretraining tasks (trainingTasks). For a GPU:
//
//   ./iclab sweep scripts/raventos2023/task-diversity.groovy --parallel 4
// small/ holds the two-core version.
experiment('raventos2023-task-diversity') {
    seed 0
    task noisyLinearRegression(dims: 8, noise: 0.5)
    prompt interleaved(points: 16, disjoint: true)
    model gpt2 { layers 8; heads 2; embed 128; positions 32 }
    train {
        steps 500000
        batch 256
        optimizer adam(lr: 1e-3, warmup: 0.5, schedule: 'linear')
        logEvery 1000
        checkpointEvery 10000
    }
    evaluate {
        prompts 1280
        strategies standard(), trainingTasks()
        baselines ridge(0.25), bayes(), leastSquares()
    }
}
sweep {
    axis 'train.pool.tasks', '2^1..2^20,inf'
}
