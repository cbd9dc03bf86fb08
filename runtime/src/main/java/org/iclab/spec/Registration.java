package org.iclab.spec;

import java.util.List;

/**
 * A package's list of the words it implements, found through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.iclab.spec.Registration}). One line of a registration list is all a new word needs
 * outside its spec record and its implementation.
 */
public interface Registration {
    /** The extensions of this package, in the order {@code describe} lists them within their kind. */
    List<Extension> extensions();
}
