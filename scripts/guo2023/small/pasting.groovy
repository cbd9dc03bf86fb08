// Guo et al. 2023's pasting experiment on two cores: take the model trained by small/representation.groovy, keep its
// upper three blocks, final LayerNorm and read-out frozen, and train a fresh read-in, fresh positions and a fresh
// first block under them on plain linear regression (d = 8). If the upper blocks run linear in-context learning on
// whatever features arrive, the pasted model should come close to ridge on x, the optimum here.
//
//   ./iclab run scripts/guo2023/small/representation.groovy --out runs/guo2023-small-representation
//   ./iclab run scripts/guo2023/small/pasting.groovy   (the pasted model, then the control below)
// The control, guo2023-small-pasting-random-upper: the same fresh parts trained under upper blocks frozen at their
// random start.
[pasted: true, 'random-upper': false].each { variant, pasted ->
    experiment(pasted ? 'guo2023-small-pasting' : "guo2023-small-pasting-$variant") {
        seed 1
        task linearRegression(8)
        prompt interleaved(17)
        model gpt2 { layers 4; heads 2; embed 64; positions 17 }
        train {
            steps 3000
            batch 64
            optimizer adam(lr: 1e-3, warmup: 0.05, schedule: 'cosine')
            logEvery 250
            checkpointEvery 1000
            evaluateEvery 500
            if (pasted) {
                from 'runs/guo2023-small-representation'
                fresh 'read_in/', 'wpe', 'h0/'
            }
            freeze 'h1/', 'h2/', 'h3/', 'ln_f/', 'read_out/'
        }
        evaluate {
            baselines leastSquares(), ridge(0.01), averaging()
        }
    }
}
