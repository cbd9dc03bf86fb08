/** Classical learners: the records of {@code evaluate.baselines} ({@code leastSquares}, {@code lasso}, {@code bayes}, {@code ngram}, ...). The implementations live in the packages that register them. */
package org.iclab.spec.baseline;
