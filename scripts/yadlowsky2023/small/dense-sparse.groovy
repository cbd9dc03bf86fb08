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

claims {
    scale 'd = 8, an equal mixture of dense and 2-sparse linear regression, 17 points, a tiny GPT-2 (3 layers, 64 wide) for ' +
            '15,000 steps of batch 64; the paper\'s widths, depths and mixture weights are not public (larger models, trained longer)'
    claim('on sparse prompts the model selects the sparse family: its error is below least squares at every k from 3 to 7 ' +
            '(from where two non-zeros can be identified to k < d)',
            paper: 'Yadlowsky et al. 2023: a model pretrained on a mixture selects the function class in context, near-optimally ' +
                    'for classes covered by pretraining (shown in figures, no number)') {
        (3..7).every { k ->
            error('yadlowsky2023-small-dense-sparse', strategy: 'component(1)', k: k) <
                    error('yadlowsky2023-small-dense-sparse', strategy: 'component(1)', learner: 'leastSquares', k: k)
        }
    }
    claim('on sparse prompts it matches bayes(), the mixture\'s posterior mean: at k = 4 its excess over bayes() is at most ' +
            '10% of least squares\' excess',
            paper: 'Yadlowsky et al. 2023: on each component of the mixture the model matches the Bayes-optimal / best per-class ' +
                    'learner (figures, no number)', atMost: 0.1) {
        def model = error('yadlowsky2023-small-dense-sparse', strategy: 'component(1)', k: 4)
        def bayes = error('yadlowsky2023-small-dense-sparse', strategy: 'component(1)', learner: 'bayes', k: 4)
        def ls = error('yadlowsky2023-small-dense-sparse', strategy: 'component(1)', learner: 'leastSquares', k: 4)
        (model - bayes) / (ls - bayes)
    }
    claim('on dense prompts it matches bayes() as well: error at k = 4 within 10% of bayes()\'s',
            paper: 'Yadlowsky et al. 2023: on each component of the mixture the model matches the Bayes-optimal / best per-class ' +
                    'learner (figures, no number)', within: [0.9, 1.1]) {
        error('yadlowsky2023-small-dense-sparse', strategy: 'component(0)', k: 4) /
                error('yadlowsky2023-small-dense-sparse', strategy: 'component(0)', learner: 'bayes', k: 4)
    }
}

figures {
    ['component(0)', 'component(1)'].each { strategy ->
        curve('yadlowsky2023-small-dense-sparse', strategy: strategy, learners: ['model', 'bayes', 'leastSquares', 'lasso(0.01)'])
    }
    metric('yadlowsky2023-small-dense-sparse', 'mean_error/standard')
}
