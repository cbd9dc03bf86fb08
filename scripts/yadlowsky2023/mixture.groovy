// Yadlowsky, Doshi and Tripuraneni 2023, "Pretraining Data Mixtures Enable Narrow Model Selection Capabilities in
// Transformer Models", in the setting of Garg et al. 2022 (no public code: the widths, depths and weights here are our
// choice, recorded in spec.json): GPT-2 standard (12 layers, 8 heads, 256 wide) trained on an equal mixture of dense
// linear regression, sparse linear regression (3 of 20) and 2-layer ReLU networks in d = 20, with Garg et al.'s
// curriculum, batch 64, Adam 1e-4, 500k steps. Evaluation: the mixture, each family alone, convex combinations of the
// dense and sparse families, and sinusoids (a family outside the mixture) at training-like and higher frequencies.
// For a GPU or a patient CPU; scripts/yadlowsky2023/small/ holds the two-core version.
experiment('yadlowsky2023-mixture') {
    seed 0
    task mixture(linearRegression(20), sparseLinearRegression(dims: 20, sparsity: 3), reluNetwork(20))
    prompt interleaved(41)
    model gpt2('standard')
    train {
        steps 500000
        batch 64
        optimizer adam(lr: 1e-4)
        curriculum { dims 5, 20, by: 1, every: 2000; points 11, 41, by: 2, every: 2000 }
        logEvery 1000
        checkpointEvery 10000
        evaluateEvery 10000
    }
    evaluate {
        strategies standard(), component(0), component(1), component(2), convexCombination(0.5), convexCombination(0.25),
                outside(sinusoid(dims: 20, frequency: 0.5..2), name: 'sine'), outside(sinusoid(dims: 20, frequency: 4..8), name: 'fast-sine')
    }
}
