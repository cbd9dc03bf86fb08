// Guo et al. 2023's pasting experiment on two cores: take the model trained by small/representation.groovy, keep its
// upper three blocks, final LayerNorm and read-out frozen, and train a fresh read-in, fresh positions and a fresh
// first block under them on plain linear regression (d = 8). If the upper blocks run linear in-context learning on
// whatever features arrive, the pasted model should come close to ridge on x, the optimum here.
//
//   ./iclab run scripts/guo2023/small/representation.groovy --out runs/guo2023-small-representation
//   ./iclab run scripts/guo2023/small/pasting.groovy   (the pasted model, then the control below)
// ./iclab reproduce scripts/guo2023/small starts each seed's pasted model from the representation model of the same
// seed offset (seed 1 from seed 0, 2 from 1, ...), trained first.
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

claims {
    scale 'the upper 3 of the representation model\'s 4 blocks (64 wide) under a fresh read-in, positions and first block trained ' +
            '3,000 steps on linear regression in d = 8; Guo et al. paste the upper module of a larger model and train the new part longer'
    claim('the pasted model learns linear regression in context: at k = 16 (2d) its error/d is within 0.02 of ridge on x',
            paper: 'Guo et al. 2023 (pasting): with only the new lower part trained, the frozen upper module gives near-optimal ' +
                    'linear in-context learning', atMost: 0.02) {
        error('guo2023-small-pasting', k: 16) - error('guo2023-small-pasting', learner: 'ridge(0.01)', k: 16)
    }
    claim('the trained upper blocks are what learns: the pasted model is below the same fresh parts under frozen random blocks ' +
            'at every k from d = 8 to 16',
            paper: 'Guo et al. 2023 (pasting): the upper module performs linear in-context learning on whatever representation ' +
                    'it is given') {
        (8..16).every { k -> error('guo2023-small-pasting', k: k) < error('guo2023-small-pasting-random-upper', k: k) }
    }
}
