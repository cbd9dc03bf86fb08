package org.iclab.samples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the benchmark programs share: {@code --name value} options and the process's peak memory. */
final class BenchmarkSupport {
    private BenchmarkSupport() {
    }

    /** The value after {@code name} in {@code args}, or {@code fallback}. */
    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    /** VmHWM: the most resident memory this process has held. */
    static double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** {@code memory stage <stage> rss=<now> peak=<VmHWM>} in MB: where the peak was reached, read stage by stage. */
    static String stage(String stage) throws IOException {
        double now = Double.NaN;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                now = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return String.format(Locale.ROOT, "memory stage %s rss=%.0f peak=%.0f", stage, now, peakRssMb());
    }

    /**
     * Where this process's resident memory is now, from {@code /proc/self/smaps}: TensorFlow's native libraries,
     * the JVM's own library, other mapped files (jars, other libraries), thread stacks, and anonymous memory (the
     * Java heap, metaspace, code cache, TensorFlow's tensors and malloc arenas); then, where the JVM runs with
     * {@code -XX:NativeMemoryTracking=summary}, its own accounts of the anonymous part (committed, which is an upper
     * bound of what is resident). Lines of {@code memory <what> <MB>}.
     */
    private static final java.util.regex.Pattern MAPPING = java.util.regex.Pattern.compile("[0-9a-f]+-[0-9a-f]+ ");

    static List<String> memoryBreakdown() throws IOException {
        Map<String, Long> kb = new LinkedHashMap<>();
        for (String k : List.of("tensorflow_libraries", "jvm_library", "other_files", "stacks", "anonymous")) {
            kb.put(k, 0L);
        }
        String category = "anonymous";
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (MAPPING.matcher(line).lookingAt()) {
                String[] f = line.trim().split("\\s+", 6);
                String path = f.length == 6 ? f[5] : "";
                category = path.contains("tensorflow") ? "tensorflow_libraries" : path.endsWith("libjvm.so") ? "jvm_library"
                        : path.startsWith("[stack") ? "stacks" : path.startsWith("/") ? "other_files" : "anonymous";
            } else if (line.startsWith("Rss:")) {
                kb.merge(category, Long.parseLong(line.replaceAll("\\D", "")), Long::sum);
            }
        }
        List<String> out = new java.util.ArrayList<>();
        kb.forEach((k, v) -> out.add(String.format(Locale.ROOT, "memory resident.%s %.0f", k, v / 1024.0)));
        var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.add(String.format(Locale.ROOT, "memory java_heap.committed %.0f", heap.getCommitted() / 1048576.0));
        out.add(String.format(Locale.ROOT, "memory java_heap.used %.0f", heap.getUsed() / 1048576.0));
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace") || pool.getName().startsWith("CodeHeap")) {
                out.add(String.format(Locale.ROOT, "memory jvm.%s.committed %.0f", pool.getName().replace(' ', '_').replace("'", ""),
                        pool.getUsage().getCommitted() / 1048576.0));
            }
        }
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            String nmt = (String) server.invoke(name, "vmNativeMemory", new Object[] {new String[] {"summary", "scale=MB"}},
                    new String[] {String[].class.getName()});
            var m = java.util.regex.Pattern.compile("^-\\s+([A-Za-z ]+?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)", java.util.regex.Pattern.MULTILINE)
                    .matcher(nmt);
            while (m.find()) {
                out.add("memory nmt." + m.group(1).trim().replace(' ', '_') + ".committed " + m.group(2));
            }
        } catch (Exception | LinkageError notTracked) {
            // -XX:NativeMemoryTracking is off: the JVM keeps no accounts
        }
        return out;
    }
}
