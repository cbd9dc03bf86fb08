// Reduced-scale reproduction of Bhattamishra et al. (2023), teaching sequences, on two cores: monotone conjunctions
// on n = 10 whose prompts open with their teaching sequence (m + 1 examples for m literals; about 4 here), then
// uniform examples, 40% forced positive. The paper finds accuracy near 1 right after the teaching prefix, where plain
// conjunction prompts (conjunction.groovy, same scale) climb slowly. Tiny GPT-2, 4000 steps of batch 64, Adam 5e-4.
//
//   ./iclab run scripts/bhattamishra2023/small/teach-conjunction.groovy
experiment('bhattamishra2023-small-teach-conjunction') {
    seed 0
    task teachConjunction(dims: 10)
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

claims {
    scale 'n = 10, 30 examples (the teaching prefix m + 1 of them, about 4), a tiny GPT-2 (3 layers) for 4,000 steps; ' +
            'the paper: n = 28, a 12-layer GPT-2'
    claim('given the teaching sequence the model is near-perfect right after it: accuracy at least 0.95 at k = 5',
            paper: 'Bhattamishra et al. 2023: with a teaching sequence Transformers learn conjunctions far more sample-efficiently, ' +
                    'near-perfect once the sequence has been shown', atLeast: 0.95) {
        accuracy('bhattamishra2023-small-teach-conjunction', k: 5)
    }
    claim('it learns from fewer examples than the elimination algorithm on the same prompts, which cannot use the teaching ' +
            'sequence: above elimination at every k from 5 to 10',
            paper: 'Bhattamishra et al. 2023: teaching sequences give Transformers large sample-efficiency gains') {
        (5..10).every { k ->
            accuracy('bhattamishra2023-small-teach-conjunction', k: k) >
                    accuracy('bhattamishra2023-small-teach-conjunction', learner: 'elimination', k: k)
        }
    }
}
