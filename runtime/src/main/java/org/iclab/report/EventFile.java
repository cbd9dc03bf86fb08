package org.iclab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;
import org.iclab.io.AtomicFiles;

/**
 * A TensorBoard event file ({@code events.out.tfevents.*}) written without TensorFlow's summary ops: each record is
 * TFRecord framing (the data's length as a little-endian uint64, its masked CRC32C, the data, the data's masked
 * CRC32C) around a serialized {@code tensorflow.Event} protocol buffer, encoded here field by field:
 * <pre>
 * Event          1 wall_time double · 2 step int64 · 3 file_version string · 5 summary Summary
 * Summary        1 value repeated Value
 * Summary.Value  1 tag string · 2 simple_value float · 4 image Image
 * Summary.Image  1 height int32 · 2 width int32 · 3 colorspace int32 · 4 encoded_image_string bytes
 * </pre>
 * Every append is one write of whole records, so a kill leaves whole records and at most one torn one at the end,
 * which {@link #truncate} drops.
 */
public final class EventFile {
    /** What TensorBoard looks for in a file name. */
    public static final String PREFIX = "events.out.tfevents.";
    /** The first event of every file: file_version 2 (restarts are marked by SessionLog events, which iclab never writes). */
    static final String FILE_VERSION = "brain.Event:2";

    /** One value of a summary: a scalar, or an encoded PNG. */
    public sealed interface Value permits Scalar, Image {
        String tag();
    }

    public record Scalar(String tag, float value) implements Value {
    }

    public record Image(String tag, int height, int width, byte[] png) implements Value {
    }

    private final Path file;

    private EventFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** A new event file in {@code folder}, named as TensorFlow names them, holding its file_version event. */
    public static EventFile create(Path folder, String suffix) throws IOException {
        return write(folder, suffix, List.of(), List.of());
    }

    /**
     * A new event file in {@code folder}, named as TensorFlow names them, written whole: its file_version event, then
     * one event per step of {@code steps} with the values at the same index of {@code values}.
     */
    public static EventFile write(Path folder, String suffix, List<Long> steps, List<List<? extends Value>> values) throws IOException {
        Path file = folder.resolve(PREFIX + System.currentTimeMillis() / 1000 + "." + host() + suffix);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(record(event(now(), 0, FILE_VERSION, List.of())));
        for (int i = 0; i < steps.size(); i++) {
            out.write(record(event(now(), steps.get(i), null, values.get(i))));
        }
        AtomicFiles.write(file, out.toByteArray());
        return new EventFile(file);
    }

    /** An existing file, to append to. */
    public static EventFile existing(Path file) {
        return new EventFile(file);
    }

    /** The event files of {@code folder}, in name order. */
    public static List<Path> in(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().startsWith(PREFIX)).sorted().toList();
        }
    }

    /** Appends one event of {@code step} with {@code values} (nothing when there are none). */
    public void append(long step, List<? extends Value> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        Files.write(file, record(event(now(), step, null, values)), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Keeps the records of {@code file} up to and including step {@code step} and drops the rest: those logged after
     * the checkpoint a run resumes from (it logs them again), and a record torn by a kill or failing its CRC, with
     * everything after it. The file is rewritten atomically.
     */
    public static void truncate(Path file, long step) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        int at = 0;
        while (at + 12 <= bytes.length) {
            ByteBuffer header = ByteBuffer.wrap(bytes, at, 12).order(ByteOrder.LITTLE_ENDIAN);
            long length = header.getLong();
            int lengthCrc = header.getInt();
            if (lengthCrc != masked(bytes, at, 8) || length < 0 || at + 12 + length + 4 > bytes.length) {
                break;
            }
            int data = at + 12;
            int end = data + (int) length;
            int dataCrc = ByteBuffer.wrap(bytes, end, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (dataCrc != masked(bytes, data, (int) length)) {
                break;
            }
            if (stepOf(bytes, data, end) <= step) {
                kept.write(bytes, at, end + 4 - at);
            }
            at = end + 4;
        }
        AtomicFiles.write(file, kept.toByteArray());
    }

    /** Field 2 (step) of an encoded Event; 0 when absent, as protobuf reads it. */
    private static long stepOf(byte[] b, int from, int to) {
        int[] at = {from};
        while (at[0] < to) {
            long key = varint(b, at);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (wire) {
                case 0 -> {
                    long v = varint(b, at);
                    if (field == 2) {
                        return v;
                    }
                }
                case 1 -> at[0] += 8;
                case 2 -> {
                    long length = varint(b, at); // read before adding: at[0] += varint(...) would add to the old position
                    at[0] += (int) length;
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalStateException("wire type " + wire + " in an event record");
            }
        }
        return 0;
    }

    private static long varint(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[at[0]++];
            v |= (long) (x & 0x7f) << shift;
            if (x >= 0) {
                return v;
            }
        }
    }

    static byte[] event(double wallTime, long step, String fileVersion, List<? extends Value> values) {
        Proto e = new Proto();
        e.fixed64(1, Double.doubleToLongBits(wallTime));
        if (step != 0) {
            e.varint(2, step);
        }
        if (fileVersion != null) {
            e.bytes(3, fileVersion.getBytes(StandardCharsets.UTF_8));
        }
        if (!values.isEmpty()) {
            Proto summary = new Proto();
            for (Value v : values) {
                Proto value = new Proto();
                value.bytes(1, v.tag().getBytes(StandardCharsets.UTF_8));
                if (v instanceof Scalar s) {
                    value.fixed32(2, Float.floatToIntBits(s.value()));
                } else if (v instanceof Image i) {
                    Proto image = new Proto();
                    image.varint(1, i.height());
                    image.varint(2, i.width());
                    image.varint(3, 3); // RGB
                    image.bytes(4, i.png());
                    value.bytes(4, image.toByteArray());
                }
                summary.bytes(1, value.toByteArray());
            }
            e.bytes(5, summary.toByteArray());
        }
        return e.toByteArray();
    }

    static byte[] record(byte[] data) {
        ByteBuffer r = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        r.putLong(data.length);
        r.putInt(masked(r.array(), 0, 8));
        r.put(data);
        r.putInt(masked(data, 0, data.length));
        return r.array();
    }

    /** TFRecord's masked CRC32C: the checksum rotated right by 15 bits plus a constant. */
    static int masked(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        return host.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Protocol buffer wire format, the few types an event needs. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
        }

        void fixed64(int field, long bits) {
            raw((long) field << 3 | 1);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
        }

        void fixed32(int field, int bits) {
            raw((long) field << 3 | 5);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
        }

        void bytes(int field, byte[] value) {
            raw((long) field << 3 | 2);
            raw(value.length);
            out.writeBytes(value);
        }

        private void raw(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
