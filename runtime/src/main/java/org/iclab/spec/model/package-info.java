/** Architectures: the records of the {@code model} setting ({@code gpt2}, {@code lstm}, {@code gru}, {@code mamba}, {@code retnet}, {@code looped}, {@code linearAttention}). The implementations live in the packages that register them. */
package org.iclab.spec.model;
