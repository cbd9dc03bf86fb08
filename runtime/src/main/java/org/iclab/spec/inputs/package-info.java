/** Input distributions: the records of the {@code inputs} setting ({@code gaussian}, {@code uniform}, {@code hypercube}). The implementations live in the packages that register them. */
package org.iclab.spec.inputs;
