package org.iclab.tokens;

import java.util.List;
import org.iclab.spec.Extension;
import org.iclab.spec.Registration;

/** Registers the test-only {@code copying} task from the test class path: a word added without editing the runtime. */
public final class CopyingRegistration implements Registration {
    @Override
    public List<Extension> extensions() {
        return List.of(new CopyingClass());
    }
}
