// Evaluation probes at two-core scale (Akyürek et al. 2023, Fu et al. 2023): a 6-layer, 64-wide GPT-2 trained on
// linear regression (d = 5, 11 points), then probed layer by layer.
//   - linear probes for w, the least-squares estimate, X^T y / k and one gradient-descent step: does each become
//     decodable with depth (Akyürek et al.)? at the query token and at the last context token, with the constant and
//     shuffled controls beside them; and the paper's own probe for w_OLS and X^T y, pooled over the tokens seen and
//     read by a small MLP
//   - a fresh read-out per layer, and which Newton iteration / gradient-descent step each layer's read-out matches
//     (Fu et al.: read-out error falls with depth faster than gradient-descent iterates would)
//   - attention maps of four held-out prompts
// ./iclab run scripts/akyurek2023/probes-small.groovy --threads 1  (11 min of training on one core, probes a few minutes)
// Later, other probes on the same run: ./iclab probe runs/akyurek2023-probes-small-<time> other-probes.groovy
experiment('akyurek2023-probes-small') {
    seed 0
    task linearRegression(dims: 5)
    prompt interleaved(points: 11)
    model gpt2 { layers 6; heads 2; embed 64 }
    train {
        steps 15000
        batch 64
        optimizer adam(lr: 5e-4)   // at 1e-3, seed 0 of 3 never left the plateau (see the scale lines)
        logEvery 500
        checkpointEvery 5000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), ridge(alpha: 1), nearestNeighbors(k: 3), averaging()
        agreement 20   // Akyürek et al.'s SPD and ILWD of the model with each baseline, in eval.json
    }
    probes {
        linear(target: weights(), layers: all(), position: 'last')
        linear(target: leastSquaresEstimate(), layers: all())
        linear(target: momentXy())
        linear(target: gradientDescentIterate(steps: 1, lr: 'best'))
        linear(target: weights(), position: 'context')        // the same, read at y_k, before the query arrives
        linear(target: leastSquaresEstimate(), position: 'context')
        pooled(target: leastSquaresEstimate(), position: [2, 4, 6, 8, 10])   // the paper's probe: pooled over tokens, an MLP
        pooled(target: momentXy(), position: [2, 4, 6, 8, 10])
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

claims {
    scale 'agreement metrics (SPD, ILWD) as Akyürek et al. define them but not divided by d, on the evaluation\'s 1,280 ' +
            'noiseless prompts; the paper ' +
            'also compares with gradient-descent learners and with noisy prompts, not run here'
    scale 'at Adam 1e-3 (the rate of the runs at commit 1e5ab63), seed 0 of 3 never left the plateau (its loss stayed that of ' +
            'predicting 0 through step 15,000), with or without a 5% warm-up (commit dc84569); on seed 0 alone (commit 01cc9de, AMD ' +
            'EPYC, one thread, 2026-12-08) both Adam 5e-4 and a curriculum (d from 2 to 5 and 5 to 11 points, every 1,000 steps) ' +
            'had left it by step 5,000 (loss 1.85 at step 4,000 at 5e-4; 2.03 at step 5,000 with the curriculum, by then at d = 5 ' +
            'and 11 points; seeds 1 and 2 at 1e-3: 1.71 and 2.24 at step 4,000); the preset takes 5e-4'
    scale 'a 6-layer GPT-2 (2 heads, 64 wide) on d = 5 and 11 points for 15,000 steps at batch 64, Adam 5e-4, read by linear ' +
            'probes at one token and by pooled MLP probes (64 ReLU units, at k = 2, 4, ..., 10); Akyürek et al. probe their own ' +
            'trained learners at d = 4 (Fig. 4); Fu et al. read the layers of a 12-layer GPT-2 at d = 20'
    String probed = 'akyurek2023-probes-small'
    claim('Akyürek et al.: the linear probes for w and for w_OLS at the query token improve with depth: for both, R² is higher ' +
            'at layer 6 than at layer 3, and at layer 3 than at layer 1',
            paper: 'Akyürek et al. 2023, abstract and Fig. 4: late layers encode the weight vector and the least-squares solution ' +
                    'w_OLS (probe accuracy by layer, d = 4)') {
        ['weights', 'leastSquaresEstimate'].every { t ->
            probe(probed, target: t, layer: 6) > probe(probed, target: t, layer: 3) &&
                    probe(probed, target: t, layer: 3) > probe(probed, target: t, layer: 1)
        }
    }
    claim('Akyürek et al.: read at the last context token y_k, the probes for w and for w_OLS improve with depth as well: ' +
            'R² higher at layer 6 than at layer 3, and at layer 3 than at layer 1',
            paper: 'Akyürek et al. 2023, Fig. 4: the target after n examples is decoded primarily from the representation of y_n, ' +
                    'and best in late layers') {
        ['weights@context', 'leastSquaresEstimate@context'].every { t ->
            probe(probed, target: t, layer: 6) > probe(probed, target: t, layer: 3) &&
                    probe(probed, target: t, layer: 3) > probe(probed, target: t, layer: 1)
        }
    }
    claim('Akyürek et al.: late layers non-linearly encode w_OLS and X^T y: for both, the best R² of the pooled MLP probe (mean over ' +
            'k = 2, 4, ..., 10) at layers 4 to 6 exceeds its best at layers 1 to 3',
            paper: 'Akyürek et al. 2023, abstract and Fig. 4: learners\' late layers non-linearly encode weight vectors and moment ' +
                    'matrices (probes that attend over positions, d = 4)') {
        ['leastSquaresEstimate', 'momentXy'].every { t ->
            (4..6).collect { l -> probe(probed, probe: 'mlp', target: t, layer: l) }.max() >
                    (1..3).collect { l -> probe(probed, probe: 'mlp', target: t, layer: l) }.max()
        }
    }
    claim('Akyürek et al.: on noiseless prompts the model\'s predictions agree with least squares more than with the other ' +
            'learners: at every k from 1 to 2d its squared prediction difference (SPD) with least squares is below that with ridge ' +
            '(alpha 1), 3-nearest neighbours and averaging',
            paper: 'Akyürek et al. 2023, Fig. 3: in the noiseless setting ICL matches ordinary least squares, with SPD and ILWD ' +
                    'near 0 against it and larger against ridge, gradient descent and the others') {
        (1..10).every { k ->
            ['ridge(1)', 'nearestNeighbors', 'averaging'].every { l ->
                value(probed, 'spd', learner: 'leastSquares', k: k) < value(probed, 'spd', learner: l, k: k)
            }
        }
    }
    claim('Akyürek et al.: the model\'s implicit linear weights are closest to least squares\': at every k from 1 to 2d its ' +
            'implicit linear weight difference (ILWD, weights fitted to 20 probe queries) with least squares is below that with ' +
            'ridge (alpha 1), 3-nearest neighbours and averaging',
            paper: 'Akyürek et al. 2023, Fig. 3: ILWD near 0 against ordinary least squares in the noiseless setting') {
        (1..10).every { k ->
            ['ridge(1)', 'nearestNeighbors', 'averaging'].every { l ->
                value(probed, 'ilwd', learner: 'leastSquares', k: k) < value(probed, 'ilwd', learner: l, k: k)
            }
        }
    }
    claim('Fu et al.: each middle layer\'s read-out errs more like an iterate of iterative Newton than like gradient descent: ' +
            'at layers 2 to 5 the best similarity of errors with Newton (1-20 iterations) exceeds the best with gradient descent ' +
            '(1-20 steps, best step size)',
            paper: 'Fu et al. 2023: the Transformer\'s layers align with iterative Newton far more than with gradient descent, ' +
                    'which needs exponentially many steps to match further layers') {
        (2..5).every { layer ->
            (1..20).collect { j -> probe(probed, probe: 'alignment', target: "newton($j)", layer: layer) }.max() >
                    (1..20).collect { t -> probe(probed, probe: 'alignment', target: "gradientDescent($t)", layer: layer) }.max()
        }
    }
    claim('Fu et al.: each middle layer is worth about 3 Newton iterations: the best-matching Newton iteration rises by 2 to 4 ' +
            'a layer from layer 2 to layer 5',
            paper: 'Fu et al. 2023: the best-matching Newton iteration grows linearly with depth, each middle layer about 3 iterations',
            within: [2, 4]) {
        def best = { int layer -> (1..20).max { j -> probe(probed, probe: 'alignment', target: "newton($j)", layer: layer) } }
        (best(5) - best(2)) / 3
    }
}
