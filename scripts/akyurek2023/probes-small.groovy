// Evaluation probes at two-core scale (Akyürek et al. 2023, Fu et al. 2023): a 6-layer, 64-wide GPT-2 trained on
// linear regression (d = 5, 11 points), then probed layer by layer.
//   - linear probes for w, the least-squares estimate, X^T y / k and one gradient-descent step: does each become
//     decodable with depth (Akyürek et al.)? at the query token and at the last context token, with the constant and
//     shuffled controls beside them
//   - a fresh read-out per layer, and which Newton iteration / gradient-descent step each layer's read-out matches
//     (Fu et al.: read-out error falls with depth faster than gradient-descent iterates would)
//   - attention maps of four held-out prompts
// ./iclab run scripts/akyurek2023/probes-small.groovy --threads 1  (11 min of training on one core, probes 20 s)
// Later, other probes on the same run: ./iclab probe runs/akyurek2023-probes-small-<time> other-probes.groovy
experiment('akyurek2023-probes-small') {
    seed 0
    task linearRegression(dims: 5)
    prompt interleaved(points: 11)
    model gpt2 { layers 6; heads 2; embed 64 }
    train {
        steps 15000
        batch 64
        optimizer adam(lr: 1e-3)
        logEvery 500
        checkpointEvery 5000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
    }
    probes {
        linear(target: weights(), layers: all(), position: 'last')
        linear(target: leastSquaresEstimate(), layers: all())
        linear(target: momentXy())
        linear(target: gradientDescentIterate(steps: 1, lr: 'best'))
        linear(target: weights(), position: 'context')        // the same, read at y_k, before the query arrives
        linear(target: leastSquaresEstimate(), position: 'context')
        readout(layers: all())
        alignment(with: newton(iterations: 1..20), layers: all())
        alignment(with: gradientDescent(steps: 1..20, lr: 'best'))
        attention()
        control(weights: constant())
        control(weights: shuffled())
        prompts 2048
        heldOut 1024
    }
}
