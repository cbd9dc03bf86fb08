// Yadlowsky et al. 2023 on two cores, in the smallest setting where Garg et al.'s sparse-regression effect shows here
// (scripts/garg2022/small/sparse-linear-regression-d4.groovy): a tiny GPT-2 on an equal mixture of dense linear
// regression and 1-sparse linear regression in d = 4, 9 points, 25,000 steps of batch 64, Adam 5e-4. Does the model
// follow bayes() (which finds the family, and on sparse prompts the support, from the first examples) on each family?
//
//   ./iclab run scripts/yadlowsky2023/small/dense-sparse-d4.groovy
experiment('yadlowsky2023-small-dense-sparse-d4') {
    seed 0
    task mixture(linearRegression(4), sparseLinearRegression(dims: 4, sparsity: 1), weights: [0.5, 0.5])
    prompt interleaved(9)
    model gpt2 { layers 3; heads 2; embed 64; positions 9 }
    train {
        steps 25000
        batch 64
        optimizer adam(lr: 5e-4)
        logEvery 500
        checkpointEvery 5000
        evaluateEvery 2500
    }
    evaluate {
        baselines leastSquares(), lasso(0.01), averaging(), bayes()
        strategies standard(), component(0), component(1), convexCombination(0.5)
    }
}
