// Guo et al. 2023 on two cores: y = <w, Phi(x)> + 0.1 noise with Phi a fixed random 2-layer ReLU MLP (orthogonal
// matrices, 8 wide) on x in R^8 and w ~ N(0, I) per prompt. A 4-layer GPT-2 against ridge on x (least squares and
// ridge(0.01)) and bayes(), the optimum: ridge on Phi(x) with lambda = noise^2.
//
//   ./iclab run scripts/guo2023/small/representation.groovy
// The probes read Phi(x_k) from each layer (Guo et al.: the lower layers compute Phi) beside a shuffled control,
// and fit a fresh read-out of y_k per layer.
experiment('guo2023-small-representation') {
    seed 0
    task representation(dims: 8, layers: 2, width: 8, activation: 'relu', noise: 0.1)
    prompt interleaved(17)
    model gpt2 { layers 4; heads 2; embed 64; positions 17 }
    train {
        steps 10000
        batch 64
        optimizer adam(lr: 1e-3, warmup: 0.05, schedule: 'cosine')
        logEvery 250
        checkpointEvery 2500
        evaluateEvery 1000
    }
    evaluate {
        baselines leastSquares(), ridge(0.01), averaging(), bayes()
    }
    probes {
        linear(target: phi(), layers: all())
        control(phi: shuffled())
        readout(layers: all())
    }
}

claims {
    scale 'x in R^8, Phi a fixed 2-layer ReLU MLP 8 wide, noise 0.1, 17 points, a 4-layer GPT-2 (2 heads, 64 wide) for 10,000 ' +
            'steps of batch 64; Guo et al. use larger inputs and representations and a larger GPT-2 trained longer'
    scale 'tried on seed 0 to find where near-optimality appears (commit c687c61, AMD EPYC, one thread, 2026-12-08): at d = 4 ' +
            'with Phi 4 wide (k = 16 is then four times its width), the same model and schedule, the error/d at k = 16 was 0.0306 ' +
            '[0.0255, 0.0364] after 10,000 steps and 0.0195 [0.0167, 0.0226] after 20,000, against bayes() 0.0038: a gap of 0.027, ' +
            'then 0.016, within the claim\'s 0.02; that setting is not yet run over seeds'
    claim('the trained model is near-optimal: at k = 16 (twice the width of Phi) its error/d is within 0.02 of ridge on Phi(x) (bayes())',
            paper: 'Guo et al. 2023: trained transformers are near-optimal, close to ridge on the representation Phi(x)', atMost: 0.02) {
        error('guo2023-small-representation', k: 16) - error('guo2023-small-representation', learner: 'bayes', k: 16)
    }
    claim('the lower layers compute Phi: a linear probe reads Phi(x_k) after block 1 or 2 with R² at least 0.9 (mean over k)',
            paper: 'Guo et al. 2023: Phi is linearly decodable from the lower layers (probes)', atLeast: 0.9) {
        Math.max(probe('guo2023-small-representation', target: 'phi', layer: 1),
                probe('guo2023-small-representation', target: 'phi', layer: 2))
    }
    claim('the upper layers learn in context on it: a fresh read-out of y at k = 16 improves from block 2 to block 3 to block 4',
            paper: 'Guo et al. 2023: the upper layers perform linear in-context learning (ridge) on the representation') {
        def readout = { layer -> probe('guo2023-small-representation', probe: 'readout', target: 'y', layer: layer, k: 16) }
        readout(3) < readout(2) && readout(4) < readout(3)
    }
}

figures {
    curve('guo2023-small-representation', learners: ['model', 'bayes', 'ridge(0.01)', 'leastSquares'])
}
