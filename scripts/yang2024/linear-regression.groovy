// Yang et al. (2024), "Looped transformers are better at learning learning algorithms": linear regression with a
// looped one-layer GPT-2 block (their configs/base_loop.yaml: 256 wide, 8 heads, d 20, 41 points, Garg's curriculum,
// b = 30 loops with a window of T = 15 for linear regression, as their paper's table; their loop curriculum starts at
// T = 15 and adds 2 loops every 500 steps up to b), Adam 1e-4, 500k steps.
experiment('yang2024-linear-regression') {
    seed 0
    task linearRegression(dims: 20)
    prompt interleaved(points: 41)
    model looped(block: gpt2 { layers 1; heads 8; embed 256 }, loops: 30, window: 15)
    train {
        steps 500_000
        batch 64
        optimizer adam(lr: 1e-4)
        curriculum {
            dims 5, 20, by: 1, every: 5000
            points 11, 41, by: 2, every: 5000
            loops 15, 30, by: 2, every: 500
        }
        logEvery 1000
        checkpointEvery 10_000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), nearestNeighbors(k: 3), averaging()
        loops 15, 60, 100   // extrapolation beyond the 30 loops trained
    }
}
