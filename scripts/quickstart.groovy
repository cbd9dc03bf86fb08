// The quick start: Garg et al.'s tiny GPT-2 learns linear regression in context.
//
//   ./iclab run scripts/quickstart.groovy
//
// About five minutes on two cores (~35 steps/s). At the end the table compares the model's error (divided by the
// dimension) with classical learners at k examples in the prompt: by k = 10 the model should be far below
// averaging and approaching least squares, which is optimal here.
experiment('quickstart') {
    seed 1
    task linearRegression(dims: 5)
    inputs gaussian()
    prompt interleaved(points: 11)
    model gpt2('tiny')
    train {
        steps 6000
        batch 64
        optimizer adam(lr: 1e-3)
        logEvery 100
        checkpointEvery 2000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
    }
}
