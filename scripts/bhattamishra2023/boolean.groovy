// Bhattamishra, Patel, Blunsom and Kanade (2023/ICLR 2024), "Understanding In-Context Learning in Transformers and
// LLMs by Learning to Learn Discrete Functions": every Boolean function class of the paper at its setting.
// The reference (satwik77/incontext-bool): n = 28, 40 examples a prompt (its curriculum_points default), GPT-2 with
// 12 layers, 8 heads, 256 wide (gpt2('standard')), batch 64, Adam 1e-4, 15000 steps (its README command); the
// recurrent models are its LSTM/GRU family at the same width (the layers flag's default, 6, applies to them too).
// Labels after the first 20 of a nearest-neighbour prompt copy their nearest earlier input (the reference's
// commented start_idx). Every run is compared with the class's own learner and 1-NN, least squares and averaging.
//
//   ./iclab check scripts/bhattamishra2023/boolean.groovy
//   ./iclab run scripts/bhattamishra2023/boolean.groovy --set train.steps=200     (a small run of all 39)
//
// On two cores the standard GPT-2 runs about 2 steps/s: the 39 runs take weeks. scripts/bhattamishra2023/small/
// holds the reduced versions whose results README reports.
def classes = [
    conjunction        : { conjunction(dims: 28) },
    monotoneConjunction: { monotoneConjunction(dims: 28) },
    disjunction        : { disjunction(dims: 28) },
    sparseDisjunction  : { sparseDisjunction(dims: 28, literals: 4) },
    dnf                : { dnf(dims: 28, terms: 3) },
    cnf                : { cnf(dims: 28, clauses: 3) },
    majority           : { majority(dims: 28) },
    integerHalfspace   : { integerHalfspace(dims: 28) },
    sparseThreshold    : { sparseThreshold(dims: 28) },
    parity             : { parity(dims: 28) },
    sparseParity       : { sparseParity(dims: 28, k: 2) },
    nearestNeighbor    : { nearestNeighbor(dims: 28, start: 20) },
    teachConjunction   : { teachConjunction(dims: 28) },
]
def architectures = [
    gpt2: { gpt2('standard') },
    lstm: { lstm(layers: 6, hidden: 256) },
    gru : { gru(layers: 6, hidden: 256) },
]
classes.each { name, taskOf ->
    architectures.each { arch, modelOf ->
        experiment("bhattamishra2023-$name-$arch") {
            seed 0
            task taskOf()
            prompt interleaved(points: 40)
            model modelOf()
            train {
                steps 15000
                batch 64
                optimizer adam(lr: 1e-4)
                logEvery 100
                checkpointEvery 1000
            }
            evaluate { prompts 1280 }
        }
    }
}
