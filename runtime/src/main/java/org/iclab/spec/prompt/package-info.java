/** Prompt formats: the records of the {@code prompt} setting ({@code interleaved}, {@code stacked}, {@code tokens}). The implementations live in the packages that register them. */
package org.iclab.spec.prompt;
