package org.iclab.task;

import java.util.List;
import org.iclab.spec.task.Cnf;
import org.iclab.spec.Pool;
import org.iclab.spec.strategy.TrainingTasks;
import org.iclab.spec.strategy.FlippedLabels;
import org.iclab.spec.strategy.InContext;
import org.iclab.spec.strategy.InWeights;
import org.iclab.spec.strategy.Component;
import org.iclab.spec.strategy.ConvexCombination;
import org.iclab.spec.strategy.Outside;
import org.iclab.spec.task.Sinusoid;
import org.iclab.spec.task.Conjunction;
import org.iclab.spec.task.DecisionTree;
import org.iclab.spec.task.Disjunction;
import org.iclab.spec.task.Dnf;
import org.iclab.spec.inputs.Hypercube;
import org.iclab.spec.task.IntegerHalfspace;
import org.iclab.spec.task.Majority;
import org.iclab.spec.task.MonotoneConjunction;
import org.iclab.spec.task.NearestNeighborTask;
import org.iclab.spec.task.Parity;
import org.iclab.spec.task.SparseDisjunction;
import org.iclab.spec.task.SparseParity;
import org.iclab.spec.task.SparseThreshold;
import org.iclab.spec.task.TeachConjunction;
import org.iclab.spec.Extension;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.strategy.HalfSubspace;
import org.iclab.spec.task.LinearClassification;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.strategy.NoisyY;
import org.iclab.spec.strategy.OppositeQuadrants;
import org.iclab.spec.strategy.OrthogonalTrainTest;
import org.iclab.spec.strategy.OverlappingTrainTest;
import org.iclab.spec.task.QuadraticRegression;
import org.iclab.spec.strategy.RandomQuadrants;
import org.iclab.spec.Registration;
import org.iclab.spec.task.ReluNetwork;
import org.iclab.spec.strategy.ScaledX;
import org.iclab.spec.strategy.ScaledY;
import org.iclab.spec.strategy.SkewedCovariance;
import org.iclab.spec.task.SparseLinearRegression;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.inputs.Uniform;

/**
 * The words this package implements: function classes (draw orders documented in {@link FunctionClasses}), input
 * distributions, and the evaluation strategies ({@link EvaluationStrategy}; shared helpers in {@link EvaluationPrompts}).
 * One line a word.
 */
public final class TaskRegistration implements Registration {
    @Override
    public List<Extension> extensions() {
        return List.of(
                FunctionClass.of(LinearRegression.class,
                        (t, rng, active) -> FunctionClasses.linear(FunctionClasses.gaussians(rng, t.dims()), t.scale(), active),
                        t -> Prior.gaussian(t.dims(), t.scale(), Prior.noiseOr(0, t.scale()))),
                FunctionClass.of(SparseLinearRegression.class, (t, rng, active) ->
                        FunctionClasses.linear(FunctionClasses.sparse(rng, t.dims(), t.sparsity(), active), t.scale(), active),
                        t -> Prior.sparse(t.dims(), t.sparsity(), t.scale())),
                new NoisyLinearRegressionClass(),
                new SignVectorRegressionClass(),
                FunctionClass.of(LinearClassification.class,
                        (t, rng, active) -> FunctionClasses.linearSign(rng, t.dims(), active)),
                FunctionClass.of(QuadraticRegression.class,
                        (t, rng, active) -> FunctionClasses.quadratic(rng, t.dims(), t.scale(), active)),
                FunctionClass.of(ReluNetwork.class,
                        (t, rng, active) -> FunctionClasses.reluNetwork(rng, t.dims(), t.hidden(), t.scale(), active)),
                FunctionClass.of(DecisionTree.class,
                        (t, rng, active) -> FunctionClasses.decisionTree(rng, t.dims(), t.depth())),
                new MixtureClass(),
                FunctionClass.of(Sinusoid.class, SinusoidClass::draw),
                new RepresentationClass(),
                new MarkovChainClass(),
                new RegularLanguageClass(),
                new BurstyClassificationClass(),
                new BooleanClass<>(Conjunction.class, (t, rng, active) -> BooleanFunctions.conjunction(rng, t.dims(), active)),
                new BooleanClass<>(MonotoneConjunction.class,
                        (t, rng, active) -> BooleanFunctions.monotoneConjunction(rng, t.dims(), active)),
                new BooleanClass<>(Disjunction.class, (t, rng, active) -> BooleanFunctions.disjunction(rng, t.dims(), active)),
                new BooleanClass<>(SparseDisjunction.class,
                        (t, rng, active) -> BooleanFunctions.sparseDisjunction(rng, t.dims(), active, t.literals())),
                new BooleanClass<>(Dnf.class, (t, rng, active) -> BooleanFunctions.dnf(rng, t.dims(), active, t.terms())),
                new BooleanClass<>(Cnf.class, (t, rng, active) -> BooleanFunctions.cnf(rng, t.dims(), active, t.clauses())),
                new BooleanClass<>(Majority.class, (t, rng, active) -> BooleanFunctions.majority(rng, t.dims(), active)),
                new BooleanClass<>(IntegerHalfspace.class,
                        (t, rng, active) -> BooleanFunctions.integerHalfspace(rng, t.dims(), active)),
                new BooleanClass<>(SparseThreshold.class,
                        (t, rng, active) -> BooleanFunctions.sparseThreshold(rng, t.dims(), active)),
                new BooleanClass<>(Parity.class, (t, rng, active) -> BooleanFunctions.parity(rng, t.dims(), active)),
                new BooleanClass<>(SparseParity.class, (t, rng, active) -> BooleanFunctions.sparseParity(rng, t.dims(), active, t.k())),
                new BooleanClass<>(NearestNeighborTask.class, (t, rng, active) -> BooleanFunctions.nearestNeighbor(t.start())),
                new BooleanClass<>(TeachConjunction.class,
                        (t, rng, active) -> BooleanFunctions.teachConjunction(rng, t.dims(), active)),

                InputSampler.of(Gaussian.class, GaussianInputs::of),
                InputSampler.of(Uniform.class, (u, dims, seed) -> new UniformInputs(u, dims)),
                InputSampler.of(Hypercube.class, (h, dims, seed) -> new HypercubeInputs(dims)),

                EvaluationStrategy.plain(Standard.class, (s, e, own, seed, n, points, dims) -> own.sample(seed, n, points, dims)),
                EvaluationStrategy.plain(HalfSubspace.class, (s, e, own, seed, n, points, dims) ->
                        EvaluationPrompts.withCovariance(e, Gaussian.LOW_RANK, dims / 2, seed).sample(seed, n, points, dims)),
                EvaluationStrategy.plain(SkewedCovariance.class, (s, e, own, seed, n, points, dims) ->
                        EvaluationPrompts.withCovariance(e, Gaussian.SKEWED, null, seed).sample(seed, n, points, dims)),
                EvaluationStrategy.queries(OrthogonalTrainTest.class, (rng, xs, queries, offset, points, dims, active, scored) ->
                        EvaluationPrompts.orthogonal(xs, queries, offset, dims, scored), true),
                EvaluationStrategy.queries(OverlappingTrainTest.class, (rng, xs, queries, offset, points, dims, active, scored) ->
                        EvaluationPrompts.overlapping(rng, xs, queries, offset, points, dims), false),
                EvaluationStrategy.queries(RandomQuadrants.class, (rng, xs, queries, offset, points, dims, active, scored) ->
                        EvaluationPrompts.quadrants(rng, xs, queries, offset, points, dims, active, false), false),
                EvaluationStrategy.queries(OppositeQuadrants.class, (rng, xs, queries, offset, points, dims, active, scored) ->
                        EvaluationPrompts.quadrants(rng, xs, queries, offset, points, dims, active, true), false),
                EvaluationStrategy.plain(ScaledX.class, (s, e, own, seed, n, points, dims) ->
                        own.sample(seed, n, points, dims, EvaluationPrompts.scaledInputs(s.factor()))),
                EvaluationStrategy.plain(ScaledY.class, (s, e, own, seed, n, points, dims) ->
                        own.sample(seed, n, points, dims, PromptDesign.outputs((rng, clean) -> s.factor() * clean))),
                EvaluationStrategy.plain(NoisyY.class, (s, e, own, seed, n, points, dims) ->
                        own.sample(seed, n, points, dims, PromptDesign.outputs((rng, clean) -> clean + s.sigma() * rng.nextGaussian()))),
                EvaluationStrategy.plain(TrainingTasks.class, (s, e, own, seed, n, points, dims) ->
                        own.sample(seed, n, points, dims, e.train().pool().tasks() > 0
                                ? new TrainingPool(Pool.tasks(e.train().pool().tasks()), e.seed(), own) : PromptDesign.DEFAULT)),
                new TokenClass.TestSet(InContext.class),
                new TokenClass.TestSet(FlippedLabels.class),
                new TokenClass.TestSet(InWeights.class),
                EvaluationStrategy.plain(Component.class, (s, e, own, seed, n, points, dims) ->
                        MixtureStrategies.component(s, e, seed, n, points, dims)),
                EvaluationStrategy.plain(ConvexCombination.class, (s, e, own, seed, n, points, dims) ->
                        MixtureStrategies.convexCombination(s, e, seed, n, points, dims)),
                EvaluationStrategy.plain(Outside.class, (s, e, own, seed, n, points, dims) ->
                        MixtureStrategies.outside(s, e, seed, n, points, dims)));
    }
}
