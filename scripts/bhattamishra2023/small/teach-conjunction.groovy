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
