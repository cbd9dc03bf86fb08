/**
 * The declaration of an experiment: immutable records made by fluent builders, validated on construction.
 * Nothing here touches TensorFlow; a spec can be built, checked, written to {@code spec.json} and read back
 * without starting an engine. Validation messages name the setting, the rule and the value, and every problem
 * of a record is reported at once ({@link org.iclab.spec.SpecException}). This package holds the experiment, its
 * plans, validation and the word registry; the records of each kind of word are in a sub-package of their own
 * ({@code task}, {@code inputs}, {@code prompt}, {@code model}, {@code optimizer}, {@code baseline}, {@code strategy},
 * {@code probe}, {@code score}, {@code measure}).
 */
package org.iclab.spec;
