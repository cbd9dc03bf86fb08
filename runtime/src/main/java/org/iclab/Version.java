package org.iclab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** iclab's version, from the iclab.properties the build writes ("unknown" where it is missing). */
final class Version {
    private Version() {
    }

    static String of() {
        try (InputStream in = Version.class.getResourceAsStream("iclab.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
