// Yadlowsky et al. 2023 on two cores: a tiny GPT-2 trained on a 50/50 mixture of dense linear regression and sparse
// linear regression (2 non-zero weights of 8), evaluated on the mixture and on each family alone, against least
// squares, the Lasso and bayes(), the posterior mean under the mixture prior (which picks the family from the prompt).
// Short evaluations every 1,000 steps show when the model starts to tell the families apart (plots/dynamics.png).
//
//   ./iclab run scripts/yadlowsky2023/small/dense-sparse.groovy
experiment('yadlowsky2023-small-dense-sparse') {
    seed 0
    task mixture(linearRegression(8), sparseLinearRegression(dims: 8, sparsity: 2), weights: [0.5, 0.5])
    prompt interleaved(17)
    model gpt2 { layers 3; heads 2; embed 64; positions 17 }
    train {
        steps 15000
        batch 64
        optimizer adam(lr: 1e-3, warmup: 0.05, schedule: 'cosine')
        logEvery 250
        checkpointEvery 2500
        evaluateEvery 1000
    }
    evaluate {
        baselines leastSquares(), lasso(0.01), lasso(0.001), averaging(), bayes()
        strategies standard(), component(0), component(1), convexCombination(0.5)
    }
}
