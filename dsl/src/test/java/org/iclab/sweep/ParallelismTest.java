package org.iclab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iclab.dsl.UserError;
import org.junit.jupiter.api.Test;

/** The default number of runs at once and each run's threads, and what the user's numbers change. */
class ParallelismTest {
    @Test
    void byDefaultAsManyRunsAsThreadsOnOneThreadEach() {
        assertThat(Parallelism.of("sweep", null, null, 2, 2)).isEqualTo(new Parallelism(2, 1));
        assertThat(Parallelism.of("sweep", null, null, 4, 2)).isEqualTo(new Parallelism(2, 1));
        assertThat(Parallelism.of("sweep", null, null, 9, 2)).isEqualTo(new Parallelism(2, 1));
        assertThat(Parallelism.of("sweep", null, null, 12, 4)).isEqualTo(new Parallelism(4, 1));
        assertThat(Parallelism.of("sweep", null, 3, 9, 2)).as("--threads counts, not the cores").isEqualTo(new Parallelism(3, 1));
    }

    @Test
    void runsWhoseLastRoundWouldBeAtMostHalfFullGoAllAtOnce() {
        assertThat(Parallelism.of("sweep", null, null, 3, 2)).as("three seeds on two cores").isEqualTo(new Parallelism(3, 1));
        assertThat(Parallelism.of("sweep", null, null, 5, 4)).isEqualTo(new Parallelism(5, 1));
        assertThat(Parallelism.of("sweep", null, null, 6, 4)).isEqualTo(new Parallelism(6, 1));
        assertThat(Parallelism.of("sweep", null, null, 7, 4)).as("a last round three quarters full").isEqualTo(new Parallelism(4, 1));
        assertThat(Parallelism.of("sweep", null, null, 31, 16)).isEqualTo(new Parallelism(16, 1));
        assertThat(Parallelism.of("sweep", null, null, 5, 2)).as("more than two a thread").isEqualTo(new Parallelism(2, 1));
    }

    @Test
    void fewerRunsThanThreadsShareThem() {
        assertThat(Parallelism.of("sweep", null, null, 1, 2)).as("one run keeps every thread").isEqualTo(new Parallelism(1, 2));
        assertThat(Parallelism.of("sweep", null, null, 2, 8)).isEqualTo(new Parallelism(2, 4));
        assertThat(Parallelism.of("sweep", null, null, 0, 2)).as("nothing to run").isEqualTo(new Parallelism(1, 2));
    }

    @Test
    void oneThreadInAllRunsOneAtATime() {
        assertThat(Parallelism.of("reproduce", null, 1, 6, 2)).isEqualTo(new Parallelism(1, 1));
    }

    @Test
    void theUsersParallelSplitsTheThreads() {
        assertThat(Parallelism.of("sweep", 1, null, 6, 2)).isEqualTo(new Parallelism(1, 2));
        assertThat(Parallelism.of("sweep", 2, 8, 6, 2)).isEqualTo(new Parallelism(2, 4));
        assertThat(Parallelism.of("sweep", 3, 2, 6, 2)).as("at least one thread each").isEqualTo(new Parallelism(3, 1));
        assertThat(Parallelism.of("run", 4, 8, 2, 8)).as("no more at once than there are runs").isEqualTo(new Parallelism(2, 4));
        assertThat(new Parallelism(3, 1).describe()).isEqualTo("3 at a time, 1 thread each");
        assertThat(new Parallelism(1, 2).describe()).isEqualTo("1 at a time, 2 threads each");
    }

    @Test
    void valuesBelowOneAreTheUsersError() {
        assertThatThrownBy(() -> Parallelism.of("sweep", 0, null, 3, 2)).isInstanceOf(UserError.class)
                .hasMessage("sweep: --parallel must be >= 1, was 0");
        assertThatThrownBy(() -> Parallelism.of("run", null, 0, 3, 2)).isInstanceOf(UserError.class)
                .hasMessage("run: --threads must be >= 1, was 0");
    }
}
