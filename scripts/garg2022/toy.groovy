// Garg et al. 2022's toy configuration (conf/toy.yaml): linear regression in 5 dimensions with 11 points, no
// curriculum, the standard GPT-2 with 11 positions (n_positions), 5001 steps. The quickest way to see the paper's pipeline end to end.
//
//   ./iclab run scripts/garg2022/toy.groovy
experiment('garg2022-toy') {
    seed 0
    task linearRegression(dims: 5)
    inputs gaussian()
    prompt interleaved(points: 11)
    model gpt2 { layers 12; heads 8; embed 256; positions 11 }   // models/standard.yaml with their n_positions: 11
    train {
        steps 5001
        batch 64
        optimizer adam(lr: 1e-4)
        checkpointEvery 1000
        logEvery 100
    }
    evaluate {
        prompts 1280
        strategies all()
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
    }
}
