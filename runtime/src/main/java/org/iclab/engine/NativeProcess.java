package org.iclab.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Two settings of the process that TensorFlow reads from the C library, made through JNA (which DJL already brings)
 * before the first session starts.
 *
 * <p><b>XLA on the CPU.</b> TensorFlow's graph executor runs a session's nodes one kernel at a time; with the
 * session option {@code global_jit_level}, XLA instead compiles clusters of them (a GPT-2 step's matrix products,
 * LayerNorms, GELUs and their gradients) into fused code. On the CPU TensorFlow honours that option only with its
 * flag {@code --tf_xla_cpu_global_jit}, which it reads once, from the environment variable {@code TF_XLA_FLAGS},
 * when the first session starts. So this adds the flag to the process's own environment (libc's {@code setenv}),
 * keeping whatever flags the user set there, with {@value #STRICT}.
 *
 * <p><b>malloc arenas.</b> glibc gives each thread that contends for the heap an arena of its own, up to 8 per core,
 * and keeps freed memory in each. Unless {@code MALLOC_ARENA_MAX} is set, this caps them at {@value #ARENAS}
 * ({@code mallopt(M_ARENA_MAX)}), for processes with many threads (Spark's local tasks). Not lower: with two arenas,
 * two tiny models trained side by side in one JVM on one thread each (a sweep's local points) made 63 steps/s
 * together, against 80 with eight and 83 as two processes, at the same peak memory (docs/performance.md); a single
 * run's peak under the serial collector did not depend on the cap.
 */
final class NativeProcess {
    static final String XLA_VARIABLE = "TF_XLA_FLAGS";
    static final String CPU_JIT = "--tf_xla_cpu_global_jit";
    /**
     * Compile a cluster on its first run at every new shape. Lazily (TensorFlow's default) a second shape of a cluster
     * runs through the executor until it has been seen twice, so two reads of the same values (a probe's chunk of 32
     * prompts, then the same 32 prompts directly) would differ in the last bit.
     */
    static final String STRICT = "--tf_xla_enable_lazy_compilation=false";
    static final int ARENAS = 8;
    /** glibc's M_ARENA_MAX. */
    private static final int M_ARENA_MAX = -8;

    private NativeProcess() {
    }

    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);

        int mallopt(int param, int value);
    }

    /** The C library, bound once, on first use. */
    private static final class C {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    /**
     * Adds {@value #CPU_JIT} and {@value #STRICT} to {@value #XLA_VARIABLE} (each unless the user's flags name it);
     * false where the C library could not be reached.
     */
    static boolean allowXlaOnCpu() {
        try {
            LibC libc = C.LIBC;
            String flags = libc.getenv(XLA_VARIABLE);
            String value = flags == null ? "" : flags.trim();
            if (!value.contains(CPU_JIT)) {
                value = (value + " " + CPU_JIT).trim();
            }
            if (!value.contains(STRICT.substring(0, STRICT.indexOf('=')))) {
                value = value + " " + STRICT;
            }
            return value.equals(flags) || libc.setenv(XLA_VARIABLE, value, 1) == 0;
        } catch (LinkageError | RuntimeException unreachable) { // LinkageError: also a failed first binding, seen again
            return false;
        }
    }

    /** Caps glibc's malloc arenas at {@value #ARENAS} unless {@code MALLOC_ARENA_MAX} says otherwise. */
    static void limitMallocArenas() {
        if (System.getenv("MALLOC_ARENA_MAX") != null) {
            return;
        }
        try {
            C.LIBC.mallopt(M_ARENA_MAX, ARENAS);
        } catch (LinkageError | RuntimeException unreachable) {
            // not glibc, or no JNA: the default arenas, which cost memory, not correctness
        }
    }
}
