// Von Oswald et al. (2023), "Transformers learn in-context by gradient descent": one linear self-attention layer
// on linear regression with d = 10 and 10 context examples, x ~ U(-1/2, 1/2), stacked tokens [x; y] with the query
// [x; 0], no positions, the loss on the query after all 10 examples. Trained, the layer's predictions should match
// one step of gradient descent with the best step size. Compare them with
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
}
