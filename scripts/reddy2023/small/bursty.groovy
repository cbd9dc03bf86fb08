// Reddy 2023 on two cores: bursty in-context classification with K classes on L = 32 labels, N = 8 item-label
// pairs and a query (17 tokens, each a one-hot position over 65 at a random offset and 63 content dimensions),
// within-class noise 0.75, uniform class frequencies, 90% of the training sequences bursty (4 classes, 2 copies
// each) and no novel classes in training. A 2-layer, 1-head GPT-2 64 wide reads the tokens as they are (no
// positional encoding of its own), Adam 1e-3, batch 128; 5,000 steps for K = 32, 10,000 for K = 256 and
// 1024, 20,000 for K = 2048 (each under half an hour on one core).
//
// The class count decides what is learned (Reddy; Chan et al. 2022): with K = 32 the labels are easy to
// memorise (in-weights), with K = 2048 the context is the cheaper route (in-context). Every 250 steps a short
// evaluation writes each test set's accuracy and each layer's induction score (the query's attention on the
// labels of the items of its class) to metrics.jsonl; plots/dynamics.png and plots/induction.png draw them.
//
//   ./iclab run scripts/reddy2023/small/bursty.groovy --threads 1
[32: 5000, 256: 10000, 1024: 10000, 2048: 20000].each { classes, count ->
    experiment("reddy2023-small-bursty-k$classes") {
        seed 0
        task burstyClassification(classes: classes, labels: 32, pairs: 8, burstiness: 2, withinClassNoise: 0.75, zipf: 0,
                burstyFraction: 0.9, novelFraction: 0, dims: 63)
        prompt tokens(positional: 'none')
        model gpt2 { layers 2; heads 1; embed 64; positions 17 }
        train {
            steps count
            batch 128
            optimizer adam(lr: 1e-3)
            logEvery 250
            checkpointEvery 5000
            evaluateEvery 250
            evaluatePrompts 256
        }
        evaluate { prompts 1000 }
    }
}

claims {
    scale 'K = 32 to 2,048 classes on 32 labels, epsilon = 0.75, 90% bursty and no novel classes in training, a 2-layer 1-head ' +
            'GPT-2 64 wide with Adam for 5,000-20,000 steps; Reddy: epsilon = 0.1, half bursty and half novel, his 2-layer attention ' +
            'network with SGD, K = 256 to 8,192'
    claim('with K = 2048 in-context learning appears abruptly: accuracy on novel classes goes from 0.4 to 0.8 within a tenth of ' +
            'training (2,000 of 20,000 steps)',
            paper: 'Reddy 2023: in-context accuracy jumps abruptly from a plateau (picking one of the context\'s labels) to near-perfect',
            atMost: 2000) {
        def leaves = firstStep('reddy2023-small-bursty-k2048', 'mean_error/inContext', below: 0.6) // accuracy 0.4
        def reaches = firstStep('reddy2023-small-bursty-k2048', 'mean_error/inContext', below: 0.2) // accuracy 0.8
        leaves == null || reaches == null ? 20000 : reaches - leaves // never: the whole run
    }
    claim('the jump coincides with the induction head: the second layer\'s induction score rises fastest within 500 steps of ' +
            'where in-context error falls fastest (K = 2048)',
            paper: 'Reddy 2023: the abrupt transition coincides with the formation of an induction head', atMost: 500) {
        Math.abs(steepestStep('reddy2023-small-bursty-k2048', 'induction/inContext/L2H1') -
                steepestStep('reddy2023-small-bursty-k2048', 'mean_error/inContext', falling: true))
    }
    claim('with few classes (K = 32) the labels are learned in the weights: in-weights accuracy above in-context accuracy',
            paper: 'Reddy 2023 (after Chan et al. 2022): few classes favour in-weights learning') {
        accuracy('reddy2023-small-bursty-k32', strategy: 'inWeights', k: 0) > accuracy('reddy2023-small-bursty-k32', strategy: 'inContext', k: 0)
    }
    claim('with many classes (K = 2048) the model learns in context: in-context accuracy above in-weights accuracy',
            paper: 'Reddy 2023 (after Chan et al. 2022): many classes favour in-context learning') {
        accuracy('reddy2023-small-bursty-k2048', strategy: 'inContext', k: 0) > accuracy('reddy2023-small-bursty-k2048', strategy: 'inWeights', k: 0)
    }
}

figures {
    [32, 256, 1024, 2048].each { classes ->
        metric("reddy2023-small-bursty-k$classes", 'mean_error/inContext')
    }
}
