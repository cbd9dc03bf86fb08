// Reddy 2023 at the paper's data setting and with his network and optimizer, on two cores: bursty in-context
// classification with K classes on L = 32 labels, N = 8 item-label pairs and a query (17 tokens, each a one-hot
// position over 65 at a random offset and 63 content dimensions), within-class noise epsilon = 0.1, uniform class
// frequencies, half the training sequences bursty (4 classes, 2 copies each) and half of them over novel classes, as
// his script. His network (the tfburns port of his JAX code): two 1-head softmax-attention layers on the tokens
// themselves, without LayerNorm, projection, MLP or scaling, then a 3-layer ReLU classifier and a bias-free read-out
// (attentionClassifier); plain SGD at lr 0.01 with his decay p <- (1 - 1e-6) p - 0.01 g, which is sgd's L2 decay 1e-4
// (p - 0.01 (g + 1e-4 p)); batch 128; the same 20,000 steps for every K (Reddy: 75,000). Compare with bursty.groovy
// (GPT-2, Adam, epsilon 0.75, no novel classes).
//
//   ./iclab run scripts/reddy2023/small/reference.groovy --threads 1
[32, 2048].each { classes ->
    experiment("reddy2023-small-reference-k$classes") {
        seed 0
        task burstyClassification(classes: classes, labels: 32, pairs: 8, burstiness: 2, withinClassNoise: 0.1, zipf: 0,
                burstyFraction: 0.5, novelFraction: 0.5, dims: 63)
        prompt tokens(positional: 'none')
        model attentionClassifier(layers: 2, heads: 1, headLayers: 3, initWidth: 63, positions: 17)
        train {
            steps 20000
            batch 128
            optimizer sgd(lr: 0.01, weightDecay: 1e-4)
            logEvery 250
            checkpointEvery 5000
            evaluateEvery 250
            evaluatePrompts 256
        }
        evaluate { prompts 1000 }
    }
}

claims {
    scale 'K = 32 and 2,048 classes on 32 labels, epsilon = 0.1, half bursty and half novel, Reddy\'s 2-layer attention network ' +
            'with SGD for 20,000 steps of batch 128; Reddy: the same data and network for 75,000 steps, K = 256 to 8,192'
    claim('with K = 2048 in-context learning appears abruptly: accuracy on novel classes goes from 0.4 to 0.8 within a tenth of ' +
            'training (2,000 of 20,000 steps)',
            paper: 'Reddy 2023: in-context accuracy jumps abruptly from a plateau (picking one of the context\'s labels) to near-perfect',
            atMost: 2000) {
        def leaves = firstStep('reddy2023-small-reference-k2048', 'mean_error/inContext', below: 0.6) // accuracy 0.4
        def reaches = firstStep('reddy2023-small-reference-k2048', 'mean_error/inContext', below: 0.2) // accuracy 0.8
        leaves == null || reaches == null ? 20000 : reaches - leaves // never: the whole run
    }
    claim('the jump coincides with the induction head: the second layer\'s induction score rises fastest within 500 steps of ' +
            'where in-context error falls fastest (K = 2048)',
            paper: 'Reddy 2023: the abrupt transition coincides with the formation of an induction head', atMost: 500) {
        Math.abs(steepestStep('reddy2023-small-reference-k2048', 'induction/inContext/L2H1') -
                steepestStep('reddy2023-small-reference-k2048', 'mean_error/inContext', falling: true))
    }
    claim('with few classes (K = 32) the labels are learned in the weights: in-weights accuracy above in-context accuracy',
            paper: 'Reddy 2023 (after Chan et al. 2022): few classes favour in-weights learning') {
        accuracy('reddy2023-small-reference-k32', strategy: 'inWeights', k: 0) > accuracy('reddy2023-small-reference-k32', strategy: 'inContext', k: 0)
    }
    claim('with many classes (K = 2048) the model learns in context: in-context accuracy above in-weights accuracy',
            paper: 'Reddy 2023 (after Chan et al. 2022): many classes favour in-context learning') {
        accuracy('reddy2023-small-reference-k2048', strategy: 'inContext', k: 0) > accuracy('reddy2023-small-reference-k2048', strategy: 'inWeights', k: 0)
    }
}

figures {
    [32, 2048].each { classes ->
        metric("reddy2023-small-reference-k$classes", 'mean_error/inContext')
    }
}
