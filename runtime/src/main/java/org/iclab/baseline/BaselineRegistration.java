package org.iclab.baseline;

import java.util.List;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Ngram;
import org.iclab.spec.baseline.Oracle;
import org.iclab.spec.baseline.Elimination;
import org.iclab.spec.baseline.GaussianElimination;
import org.iclab.spec.baseline.Perceptron;
import org.iclab.spec.Extension;
import org.iclab.spec.baseline.GradientBoosting;
import org.iclab.spec.baseline.GradientDescentNet;
import org.iclab.spec.baseline.GreedyTree;
import org.iclab.spec.baseline.Lasso;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.NearestNeighbors;
import org.iclab.spec.Registration;
import org.iclab.spec.baseline.Ridge;
import org.iclab.spec.baseline.Zero;

/** The baselines this package implements, one line a word: the (x, y) learners, then the token learners. */
public final class BaselineRegistration implements Registration {
    @Override
    public List<Extension> extensions() {
        return List.of(
                LearnerFactory.of(LeastSquares.class, b -> new LeastSquaresLearner()),
                LearnerFactory.of(NearestNeighbors.class, b -> new NearestNeighborsLearner(b.k())),
                LearnerFactory.of(Averaging.class, b -> new AveragingLearner()),
                LearnerFactory.of(Ridge.class, b -> new RidgeLearner(b.alpha())),
                LearnerFactory.of(Lasso.class, b -> new LassoLearner(b.alpha())),
                LearnerFactory.of(GreedyTree.class, b -> new GreedyTreeLearner(b.maxDepth())),
                LearnerFactory.of(GradientBoosting.class, GradientBoostingLearner::new),
                LearnerFactory.of(GradientDescentNet.class, GradientDescentNetLearner::new),
                LearnerFactory.of(Zero.class, b -> new ZeroLearner()),
                LearnerFactory.of(Elimination.class, b -> new EliminationLearner(b.disjunctive())),
                LearnerFactory.of(GaussianElimination.class, b -> new GaussianEliminationLearner()),
                LearnerFactory.of(Perceptron.class, b -> new PerceptronLearner(b.epochs())),
                TokenLearnerFactory.of(Ngram.class, (b, task) -> Ngram.KATZ.equals(b.smoothing())
                        ? new KatzNgramLearner(b.n(), task.separator(), task.padding()) : new NgramLearner(b.n())),
                new BayesFactory(),
                TokenLearnerFactory.of(Oracle.class, (b, task) -> (batch, sequence, out) -> {
                    int n = batch.length() * batch.vocabulary();
                    for (int i = 0; i < n; i++) {
                        out[i] = batch.oracle()[sequence * n + i];
                    }
                }));
    }
}
