/**
 * The Groovy DSL: a thin layer of closure and named-argument forms over the runtime's Java builders, which stay
 * the single source of truth. {@link org.iclab.dsl.ExperimentScripts} compiles a script with
 * {@link org.iclab.dsl.ExperimentScript} as its base class and the registry's words ({@link org.iclab.dsl.Words}); each block
 * delegates only to its builder ({@link org.iclab.dsl.ClosureForms}); failures come back as one-line, located
 * {@link org.iclab.dsl.Diagnostic}s; {@link org.iclab.dsl.Reference} documents every word and setting from the code.
 */
package org.iclab.dsl;
