// Reduced-scale reproduction of Bhattamishra et al. (2023), conjunctions and disjunctions, on two cores:
// n = 10 Boolean inputs, 30 examples a prompt, a tiny GPT-2 (3 layers, 2 heads, 64 wide), 4000 steps of batch 64,
// Adam 5e-4. The paper (n = 28, 12 layers) finds both learned near-perfectly; the elimination algorithm is the
// learner that shows what the prompt allows.
//
//   ./iclab run scripts/bhattamishra2023/small/conjunction.groovy
for (name in ['conjunction', 'disjunction']) {
    experiment("bhattamishra2023-small-$name") {
        seed 0
        task name == 'conjunction' ? conjunction(dims: 10) : disjunction(dims: 10)
        prompt interleaved(points: 30)
        model gpt2('tiny')
        train {
            steps 4000
            batch 64
            optimizer adam(lr: 5e-4)
            logEvery 250
            checkpointEvery 1000
        }
        evaluate { prompts 1280 }
    }
}

claims {
    scale 'n = 10 inputs, 30 examples, a tiny GPT-2 (3 layers) for 4,000 steps; the paper: n = 28, a 12-layer GPT-2'
    ['conjunction', 'disjunction'].each { name -> // each: a claim's block reads its own name when it runs
        claim("${name}s are learned in context: accuracy at least 0.95 at the last example",
                paper: 'Bhattamishra et al. 2023, Fig. 2: conjunctions and disjunctions are learned near-perfectly', atLeast: 0.95) {
            accuracy("bhattamishra2023-small-$name", k: 29)
        }
    }
}

figures {
    ['conjunction', 'disjunction'].each { name ->
        curve("bhattamishra2023-small-$name", learners: ['model', 'nearestNeighbors', 'leastSquares', 'averaging'], value: 'accuracy')
    }
}
