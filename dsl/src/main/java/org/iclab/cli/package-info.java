/**
 * The {@code iclab} command line (picocli): {@code run}, {@code check}, {@code describe} and {@code jshell} over
 * the Groovy DSL and the runtime's facade. User errors (a bad script, setting or file) exit with 2 and one line per
 * error; internal failures exit with 1.
 */
package org.iclab.cli;
