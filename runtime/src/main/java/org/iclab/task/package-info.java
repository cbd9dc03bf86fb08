/**
 * Function classes and input samplers: seeded, plain-Java generation of prompts. Every batch is a pure function
 * of its seed, so training data does not depend on thread timing and a resumed run sees the same data.
 */
package org.iclab.task;
