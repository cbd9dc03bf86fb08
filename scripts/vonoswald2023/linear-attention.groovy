// Von Oswald et al. (2023), "Transformers learn in-context by gradient descent": one linear self-attention layer
// on linear regression with d = 10 and 10 context examples, x ~ U(-1/2, 1/2), stacked tokens [x; y] with the query
// [x; 0], no positions, the loss on the query after all 10 examples. Trained, the layer's predictions should match
// one step of gradient descent with the best step size: the alignment probe compares them, and the claims below say
// what the paper found (./iclab reproduce scripts/vonoswald2023 checks them over seeds). Compare them also with
//   java -cp 'dsl/target/iclab-dsl.jar:dsl/target/lib/*:samples/target/classes' org.iclab.samples.GradientDescentComparison RUN_DIR
// (prediction distance and the cosine of the two predictors' sensitivities to the query; see README).
experiment('vonoswald2023-linear-attention') {
    seed 0
    task linearRegression(dims: 10)
    inputs uniform(low: -0.5, high: 0.5)
    prompt stacked(points: 11, positional: 'none')
    model linearAttention(layers: 1)
    train {
        steps 5000
        batch 512
        optimizer adam(lr: 1e-3)
        lossAt 'last'
        logEvery 250
        checkpointEvery 1000
    }
    evaluate {
        prompts 1280
        baselines leastSquares(), ridge(alpha: 0.1), averaging()
    }
    probes { alignment(with: gradientDescent(steps: 1..3, lr: 'best'), layers: all()) }
}

claims {
    scale 'd = 10, 10 examples and x ~ U(-1/2, 1/2) as in the paper; 5,000 Adam steps at batch 512 (the paper: batch 2,048)'
    claim('a trained linear self-attention layer is as good as one step of gradient descent with the best step size: ' +
            'its error at k = d is within 10% of that step\'s', paper: 'von Oswald et al. 2023, Fig. 2: the losses of the trained layer ' +
            'and of one GD step coincide', within: [0.9, 1.1]) {
        probe('vonoswald2023-linear-attention', probe: 'model', target: 'y', k: 10) /
                probe('vonoswald2023-linear-attention', probe: 'iterate', target: 'gradientDescent(1)', k: 10)
    }
    claim('its predictions err as one gradient-descent step\'s do: the similarity of their errors is at least 0.95',
            paper: 'von Oswald et al. 2023, Fig. 2: cosine similarity of the two models\' sensitivities ≈ 1', atLeast: 0.95) {
        probe('vonoswald2023-linear-attention', probe: 'alignment', target: 'gradientDescent(1)', layer: 1)
    }
}

figures {
    curve('vonoswald2023-linear-attention', learners: ['model', 'leastSquares', 'ridge(0.1)', 'averaging'])
}
