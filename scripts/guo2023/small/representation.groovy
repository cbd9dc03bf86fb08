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
