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

claims {
    scale 'D = 8, K = 16, noise variance 0.25 as in the paper; a tiny GPT-2 (3 layers, 64 wide) for 8,000 steps of batch 64 per ' +
            'pool size, M from 2 to 2,048 and unlimited; the paper: 8-layer (base) and 4-layer (small) models for 500,000 steps of batch 256'
    claim('with M = 2 pretraining tasks the model is the Bayes estimator of its pool (dMMSE) on new tasks: its error at k = 15 ' +
            'within 10% of dMMSE\'s',
            paper: 'Raventós et al. 2023: below about 2^6 pretraining tasks the model tracks dMMSE', within: [0.9, 1.1]) {
        error('raventos2023-small-task-diversity', at: ['train.pool.tasks': 2], k: 15) /
                error('raventos2023-small-task-diversity', at: ['train.pool.tasks': 2], learner: 'bayes', k: 15)
    }
    claim('below the paper\'s 2^6 tasks (M = 2, 8, 32) the model is closer to dMMSE than to ridge on new tasks at k = 15',
            paper: 'Raventós et al. 2023: below about 2^6 pretraining tasks the model tracks dMMSE, not ridge') {
        [2, 8, 32].every { m ->
            def model = error('raventos2023-small-task-diversity', at: ['train.pool.tasks': m], k: 15)
            def dmmse = error('raventos2023-small-task-diversity', at: ['train.pool.tasks': m], learner: 'bayes', k: 15)
            def ridge = error('raventos2023-small-task-diversity', at: ['train.pool.tasks': m], learner: 'ridge(0.25)', k: 15)
            Math.abs(model - dmmse) < Math.abs(model - ridge)
        }
    }
    claim('with unlimited pretraining tasks (above the task-diversity threshold) the model matches ridge, the Bayes estimator ' +
            'for the Gaussian task prior: its error on new tasks at k = 15 within 10% of ridge\'s',
            paper: 'Raventós et al. 2023: above the threshold (2^11-2^12 tasks for the small model, 2^14-2^15 for the base) ' +
                    'the model approaches ridge on new tasks', within: [0.9, 1.1]) {
        error('raventos2023-small-task-diversity', at: ['train.pool.tasks': 'inf'], k: 15) /
                error('raventos2023-small-task-diversity', at: ['train.pool.tasks': 'inf'], learner: 'ridge(0.25)', k: 15)
    }
}

figures {
    along('raventos2023-small-task-diversity', 'train.pool.tasks', k: 15, learners: ['model', 'bayes', 'ridge(0.25)'])
    along('raventos2023-small-task-diversity', 'train.pool.tasks', k: 15, strategy: 'trainingTasks', learners: ['model', 'bayes', 'ridge(0.25)'])
}
