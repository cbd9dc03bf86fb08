package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.Test;

/** Named arguments for a record that has no factory on the facade (a word registered from outside the runtime). */
class NamedArgumentsTest {
    /** A record no Iclab factory makes. */
    public record Outside(int size, double rate) {
    }

    @Test
    void everySettingIsRequiredWithoutAFactoryToTakeDefaultsFrom() {
        assertThat(NamedArguments.record("outside", Outside.class, Map.of("size", 3, "rate", new java.math.BigDecimal("0.5"))))
                .isEqualTo(new Outside(3, 0.5));
        assertThatThrownBy(() -> NamedArguments.record("outside", Outside.class, Map.of("size", 3)))
                .isInstanceOf(SpecException.class).hasMessageContaining("outside: rate is required");
        assertThatThrownBy(() -> NamedArguments.record("outside", Outside.class, Map.of("sise", 3)))
                .hasMessageContaining("unknown setting 'sise' in outside; did you mean 'size'?");
    }
}
