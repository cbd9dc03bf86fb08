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
