package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Garg et al.'s curriculum: the number of active input dimensions (those beyond are zeroed) and the number of
 * points per prompt, each a {@link Schedule}; and for a looped model, Yang et al.'s growing loop count (null: the
 * model's own count throughout, whatever model the experiment has).
 *
 * <pre>
 * Java:   c -&gt; c.dims(5, 20, 1, 2000).points(11, 41, 2, 2000)
 * Groovy: curriculum { dims 5, 20, by: 1, every: 2000; points 11, 41, by: 2, every: 2000 }
 * </pre>
 */
public record Curriculum(Schedule dims, Schedule points, @JsonInclude(JsonInclude.Include.NON_NULL) Schedule loops) {
    public Curriculum {
        Problems problems = Problems.in("train.curriculum");
        problems.requirePresent(dims, "dims").requirePresent(points, "points");
        if (dims != null) {
            Schedule.check(problems, "dims", dims);
        }
        if (points != null) {
            Schedule.check(problems, "points", points);
        }
        if (loops != null) { // null: fixed at the model's loops (1 for every model but a looped one)
            Schedule.check(problems, "loops", loops);
        }
        problems.throwIfAny();
    }

    /** Dims and points; the loops of a looped model fixed at its own count. */
    public Curriculum(Schedule dims, Schedule points) {
        this(dims, points, null);
    }

    /** The loop count in force at {@code step} (0-based) for a model of {@code modelLoops} loops. */
    public int loopsAt(long step, int modelLoops) {
        return loops == null ? modelLoops : loops.at(step);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable, single use; a schedule left unset is filled in from the task's dims and the prompt's points. */
    public static final class Builder {
        private Schedule dims;
        private Schedule points;
        private Schedule loops;

        /** Active dimensions fixed from start to end... use {@link #dims(int, int, int, int)} to grow them. */
        @Setting(value = "Active input dimensions (the rest are zeroed): start, end, raised by `by` every `every` steps (default by 1 every 2000).", range = "0 < start <= end <= task.dims", defaults = "fixed at the task's dims", example = "dims 5, 20, by: 1, every: 2000")
        public Builder dims(int start, int end) {
            return dims(start, end, start == end ? 0 : 1, start == end ? 0 : 2000);
        }

        /** Active dimensions: start, end, increment, interval in steps. */
        @Setting(value = "Active input dimensions: start, end, increment, interval in steps.", range = "0 < start <= end <= task.dims; by, every > 0 when start < end", example = "dims 5, 20, by: 1, every: 2000")
        public Builder dims(int start, int end, int by, int every) {
            this.dims = new Schedule(start, end, by, every);
            return this;
        }

        /** Points per prompt from start to end (by 2 every 2000 steps unless fixed). */
        @Setting(value = "Points per training prompt: start, end, raised by `by` every `every` steps (default by 2 every 2000).", range = "0 < start <= end <= prompt.points", defaults = "fixed at the prompt's points", example = "points 11, 41, by: 2, every: 2000")
        public Builder points(int start, int end) {
            return points(start, end, start == end ? 0 : 2, start == end ? 0 : 2000);
        }

        /** Points per prompt: start, end, increment, interval in steps. */
        @Setting(value = "Points per training prompt: start, end, increment, interval in steps.", range = "0 < start <= end <= prompt.points; by, every > 0 when start < end", example = "points 11, 41, by: 2, every: 2000")
        public Builder points(int start, int end, int by, int every) {
            this.points = new Schedule(start, end, by, every);
            return this;
        }

        /** Loops of a looped model from start to end (by 1 every 500 steps unless fixed). */
        @Setting(value = "Loops of a looped model: start, end, raised by `by` every `every` steps (default by 1 every 500; Yang et al.).", range = "0 < start <= end <= model.loops; looped models only", defaults = "fixed at the model's loops", example = "loops 1, 12, by: 1, every: 500")
        public Builder loops(int start, int end) {
            return loops(start, end, start == end ? 0 : 1, start == end ? 0 : 500);
        }

        /** Loops of a looped model: start, end, increment, interval in steps. */
        @Setting(value = "Loops of a looped model: start, end, increment, interval in steps.", range = "0 < start <= end <= model.loops; by, every > 0 when start < end", example = "loops 1, 12, by: 1, every: 500")
        public Builder loops(int start, int end, int by, int every) {
            this.loops = new Schedule(start, end, by, every);
            return this;
        }

        Schedule loops() {
            return loops;
        }

        Schedule dims() {
            return dims;
        }

        Schedule points() {
            return points;
        }

        public Curriculum build() {
            return new Curriculum(dims, points, loops);
        }
    }
}
