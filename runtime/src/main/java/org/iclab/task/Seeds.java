package org.iclab.task;

/**
 * Derives independent random streams from an experiment's seed: one stream per purpose (initialisation,
 * training data at each step, evaluation prompts, bootstrap) so that changing one never shifts another.
 */
public final class Seeds {
    /**
     * Stream purposes; their ordinals are part of the reproducibility contract, so only append. POOL seeds the
     * members of a finite training pool (index: the member); INPUTS the input distribution's own random transform
     * (a non-isotropic {@code gaussian}), drawn once per experiment. PROBE seeds the probes' prompts and resamples
     * (index 0: fit prompts, 1: held-out prompts, 2: control permutations, 3: bootstrap). PHI seeds a representation
     * task's Φ, from the task's own {@code phiSeed} rather than the experiment's seed; CLASSES a bursty task's class means
     * and label vectors, from its {@code classSeed}.
     */
    public enum Stream { INIT, TRAIN, EVAL, BOOTSTRAP, POOL, INPUTS, PROBE, PHI, CLASSES }

    private Seeds() {
    }

    /** The seed of {@code stream} at {@code index} (the training step; 0 where there is one draw). */
    public static long derive(long seed, Stream stream, long index) {
        return mix(mix(mix(seed) ^ (stream.ordinal() + 1L) * 0x9E3779B97F4A7C15L) ^ index);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
