package org.iclab.tokens;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.TokenTask;

/**
 * A test-only token task, registered from the test class path ({@link CopyingRegistration}): {@code half} symbols
 * drawn uniformly from ids 2..vocabulary-1, the separator (id 1), then the same symbols again. Each position's
 * target is the next token; only the copy is scored (from the separator on), which a model can get right only by
 * reading the first half in context.
 */
@Setting("Copying (test only): n random symbols, a separator, the same n symbols again; the copy is scored.")
@Word("copying")
public record Copying(@Setting(value = "Tokens, with padding (0) and the separator (1).", range = ">= 3") int vocabulary,
                      @Setting(value = "Symbols to copy.", range = ">= 1") int half) implements TokenTask {
    public static final int SEPARATOR = 1;

    public Copying {
        Problems.in("task").require(vocabulary >= 3, "vocabulary", "must be >= 3", vocabulary)
                .require(half >= 1, "half", "must be >= 1", half).throwIfAny();
    }

    @Override
    public int length() {
        return 2 * half + 1;
    }
}
