package org.iclab.spec;

/**
 * A value that grows during training (Garg et al.'s curriculum): {@code start}, raised by {@code by} every
 * {@code every} steps, never above {@code end}. A fixed value has start == end.
 */
public record Schedule(int start, int end, int by, int every) {
    /** Checks the schedule; problems are reported under {@code path} with setting names prefixed by {@code name}. */
    static void check(Problems problems, String name, Schedule s) {
        problems.require(s.start > 0, name + ".start", "must be > 0", s.start)
                .require(s.end >= s.start, name + ".end", "must be >= " + name + ".start", s.end + " < " + s.start)
                .require(s.start == s.end || s.by > 0, name + ".by", "must be > 0 when start < end", s.by)
                .require(s.start == s.end || s.every > 0, name + ".every", "must be > 0 when start < end", s.every);
    }

    public static Schedule fixed(int value) {
        return new Schedule(value, value, 0, 0);
    }

    /** The value in force at {@code step} (0-based). */
    public int at(long step) {
        if (start == end || by <= 0 || every <= 0) {
            return start;
        }
        long grown = start + (long) by * (step / every);
        return (int) Math.min(end, grown);
    }
}
