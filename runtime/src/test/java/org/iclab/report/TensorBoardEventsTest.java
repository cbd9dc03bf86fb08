package org.iclab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.spec.Experiment;
import org.iclab.train.TrainingListener;
import org.iclab.train.TrainingLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * The TensorBoard files of a run, read back by a reader of this test's own: the framing and CRC32C are checked with
 * a bit-by-bit CRC written here (the writer uses java.util.zip.CRC32C), and each record is parsed by TensorFlow's
 * own generated {@code Event} protos (the writer encodes the wire format by hand).
 */
public class TensorBoardEventsTest {
    @TempDir
    static Path tmp;
    static RunResult result;

    static Experiment spec() {
        return experiment("events").seed(5)
                .task(linearRegression(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(1).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(30).batch(8).optimizer(new org.iclab.spec.optimizer.Adam(1e-3, 0.9, 0.999, 1e-8, 0, 0.5, "constant")).logEvery(5).checkpointEvery(10)
                        .evaluateEvery(10).evaluatePrompts(16))
                .evaluate(e -> e.prompts(40).resamples(50))
                .build();
    }

    @BeforeAll
    static void run() {
        result = Iclab.run(spec(), RunOptions.builder().out(tmp.resolve("run")).threads(2).build());
    }

    /** One scalar or image per (step, tag), in file order. */
    /** One value read back from an event file. */
    public record Read(long step, String tag, Float value, Summary.Image image) {
    }

    @Test
    void trainingScalarsMatchMetricsJsonl() throws Exception {
        List<Read> events = read(trainingFile(result.directory()));
        Map<Long, Map<String, Float>> byStep = new TreeMap<>();
        for (Read r : events) {
            assertThat(byStep.computeIfAbsent(r.step(), s -> new LinkedHashMap<>()).put(r.tag(), r.value()))
                    .as("step " + r.step() + " " + r.tag() + " appears once").isNull();
        }
        List<TrainingLog> logs = RunDirectory.existing(result.directory()).trainingLogs();
        assertThat(logs).hasSize(6);
        for (TrainingLog log : logs) {
            Map<String, Float> at = byStep.get(log.step());
            assertThat(at.get("train/loss")).isEqualTo((float) log.loss());
            assertThat(at.get("train/steps_per_second")).isEqualTo((float) log.stepsPerSecond());
            assertThat(at.get("curriculum/dims")).isEqualTo(3f);
            assertThat(at.get("curriculum/points")).isEqualTo(5f);
            // half of 30 steps of warm-up to 1e-3
            assertThat(at.get("train/learning_rate")).isEqualTo((float) Math.min(1e-3, 1e-3 * log.step() / 15));
        }
        // evaluations before the first step and every 10: the same numbers as metrics.jsonl's evaluation lines
        var evaluations = RunDirectory.existing(result.directory()).evaluationLogs();
        assertThat(evaluations).extracting(e -> e.step()).containsExactly(0L, 10L, 20L, 30L);
        for (var e : evaluations) {
            List<Double> errors = e.error().get("standard");
            for (int k = 0; k < errors.size(); k++) {
                assertThat(byStep.get(e.step()).get("eval/standard/model/k=" + k)).isEqualTo(errors.get(k).floatValue());
            }
            assertThat(byStep.get(e.step()).get("eval/standard/model/mean")).isEqualTo(e.meanError().get("standard").floatValue());
        }
    }

    @Test
    void theFinalFileHoldsErrorCurvesOverKAndTheFigures() throws Exception {
        Path file;
        try (var list = Files.list(result.directory())) {
            file = list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.") && p.toString().endsWith(".final"))
                    .findFirst().orElseThrow();
        }
        List<Read> events = read(file);
        Map<String, Map<Long, Float>> curves = new TreeMap<>();
        List<Read> images = new ArrayList<>();
        for (Read r : events) {
            if (r.image() != null) {
                images.add(r);
            } else {
                curves.computeIfAbsent(r.tag(), t -> new TreeMap<>()).put(r.step(), r.value());
            }
        }
        assertThat(curves.keySet()).containsExactly("error/standard/averaging", "error/standard/leastSquares",
                "error/standard/model", "error/standard/nearestNeighbors");
        for (String line : Files.readAllLines(result.directory().resolve("eval.csv")).subList(1, 21)) {
            String[] f = line.split(",");
            assertThat(curves.get("error/" + f[0] + "/" + f[1]).get(Long.parseLong(f[2])))
                    .as(line).isEqualTo((float) Double.parseDouble(f[3]));
        }
        try (var list = Files.list(result.directory().resolve("plots"))) {
            assertThat(images).extracting(Read::tag).containsExactlyInAnyOrderElementsOf(list
                    .map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).map(n -> "plots/" + n.replace(".png", "")).toList());
        }
        for (Read image : images) {
            assertThat(image.step()).isEqualTo(30);
            var decoded = ImageIO.read(new ByteArrayInputStream(image.image().getEncodedImageString().toByteArray()));
            assertThat(decoded.getWidth()).isEqualTo(image.image().getWidth());
            assertThat(decoded.getHeight()).isEqualTo(image.image().getHeight());
        }
    }

    /** A run killed after logging steps past its checkpoint, then resumed: every step once, and the same losses. */
    @Test
    void aResumedRunAppendsWithoutRepeatingSteps() throws Exception {
        Path dir = tmp.resolve("crashed");
        TrainingListener crash = new TrainingListener() {
            @Override
            public void logged(TrainingLog log) {
                if (log.step() == 25) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> Iclab.run(spec(), RunOptions.builder().out(dir).threads(2).listener(crash).build()))
                .hasMessage("killed");
        Path events = trainingFile(dir);
        assertThat(read(events)).extracting(Read::step).contains(25L);
        Files.write(events, new byte[] {42, 0, 0, 0, 0, 0, 0, 0, 1, 2}, java.nio.file.StandardOpenOption.APPEND); // a torn record
        Iclab.resume(dir, RunOptions.builder().threads(2));
        assertThat(trainingFile(dir)).isEqualTo(events);
        Map<Long, Map<String, Float>> resumed = scalars(read(events));
        Map<Long, Map<String, Float>> uninterrupted = scalars(read(trainingFile(result.directory())));
        assertThat(resumed.keySet()).isEqualTo(uninterrupted.keySet());
        for (long step : uninterrupted.keySet()) {
            Map<String, Float> a = new TreeMap<>(uninterrupted.get(step));
            Map<String, Float> b = new TreeMap<>(resumed.get(step));
            a.remove("train/steps_per_second");
            b.remove("train/steps_per_second");
            assertThat(b).as("step " + step).isEqualTo(a);
        }
    }

    /**
     * Truncation keeps the file_version record and the steps up to the checkpoint (step 0, an evaluation before
     * training, has no step field at all), and drops a torn tail.
     */
    @Test
    void truncationKeepsTheHeaderAndTheStepsUpToTheCheckpoint() throws Exception {
        List<Long> steps = List.of(0L, 1L, 2L, 3L, 4L, 5L);
        List<List<? extends EventFile.Value>> values = new ArrayList<>();
        for (long s : steps) {
            values.add(List.of(new EventFile.Scalar("train/loss", s / 10f), new EventFile.Image("plots/x", 1, 1, new byte[] {1, 2, 3})));
        }
        Path file = EventFile.write(Files.createDirectories(tmp.resolve("truncated")), "", steps, values).path();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 7)); // the last record torn
        EventFile.truncate(file, 3);
        List<Read> kept = read(file); // read() also checks that the file_version record comes first
        assertThat(kept).extracting(Read::step).containsExactly(0L, 0L, 1L, 1L, 2L, 2L, 3L, 3L);
        assertThat(kept.get(6).value()).isEqualTo(0.3f);
    }

    private static Map<Long, Map<String, Float>> scalars(List<Read> events) {
        Map<Long, Map<String, Float>> byStep = new TreeMap<>();
        for (Read r : events) {
            assertThat(byStep.computeIfAbsent(r.step(), s -> new LinkedHashMap<>()).put(r.tag(), r.value()))
                    .as("step " + r.step() + " " + r.tag() + " appears once").isNull();
        }
        return byStep;
    }

    private static Path trainingFile(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            List<Path> files = list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.") && !p.toString().endsWith(".final")).toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    /** Every record: length, its masked CRC, data, the data's masked CRC; the first is file_version brain.Event:2. */
    public static List<Read> read(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Read> reads = new ArrayList<>();
        boolean first = true;
        while (in.hasRemaining()) {
            assertThat(in.remaining()).as("a whole header at " + in.position()).isGreaterThanOrEqualTo(12);
            byte[] lengthBytes = new byte[8];
            in.get(lengthBytes);
            long length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(in.getInt()).as("length CRC").isEqualTo(maskedCrc32c(lengthBytes));
            byte[] data = new byte[(int) length];
            in.get(data);
            assertThat(in.getInt()).as("data CRC").isEqualTo(maskedCrc32c(data));
            Event event = Event.parseFrom(data);
            assertThat(event.getWallTime()).isGreaterThan(1.7e9);
            if (first) {
                assertThat(event.getFileVersion()).isEqualTo("brain.Event:2");
                first = false;
                continue;
            }
            assertThat(event.hasSummary()).isTrue();
            for (Summary.Value v : event.getSummary().getValueList()) {
                reads.add(new Read(event.getStep(), v.getTag(), v.hasImage() ? null : v.getSimpleValue(), v.hasImage() ? v.getImage() : null));
            }
        }
        return reads;
    }

    /** CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) bit by bit, masked as TFRecord masks it. */
    static int maskedCrc32c(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x82F63B78 : crc >>> 1;
            }
        }
        crc = ~crc;
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }
}
