// Reddy 2023, "The mechanistic basis of data dependence and abrupt learning in an in-context classification task"
// (ICLR 2024). Items of K Gaussian classes (within-class noise 0.1) mapped onto L = 32 labels, N = 8 item-label
// pairs and a query; tokens are a one-hot position over 65 (random offset) and 63 content dimensions (D = 63 as
// in the PyTorch port, jessegeerts/icl-data-dependence, so that a token is 128 wide). Half the training sequences
// are bursty (B = 2 copies of 4 classes), half use novel classes. A 2-layer, 1-head transformer 128 wide, batch
// 128. Deviations: Reddy trains with SGD (lr 0.01); iclab has Adam (1e-3, as the port's default), and its GPT-2
// blocks all have an MLP where Reddy has three ReLU layers after the attention only.
// Swept over K as in the paper's data-dependence figures; small/ holds the two-core version.
[256, 512, 1024, 2048, 4096, 8192].each { classes ->
    experiment("reddy2023-bursty-k$classes") {
        seed 0
        task burstyClassification(classes: classes, labels: 32, pairs: 8, burstiness: 2, withinClassNoise: 0.1, zipf: 0,
                burstyFraction: 0.5, novelFraction: 0.5, dims: 63)
        prompt tokens(positional: 'none')
        model gpt2 { layers 2; heads 1; embed 128; positions 17 }
        train {
            steps 200000
            batch 128
            optimizer adam(lr: 1e-3)
            logEvery 1000
            checkpointEvery 10000
            evaluateEvery 1000
            evaluatePrompts 1000
        }
        evaluate { prompts 10000 }
    }
}
