/** Robustness tools: the script fuzzer (samples/fuzz.sh), which checks that every generated script is accepted or refused with a located error. */
package org.iclab.samples.robustness;
