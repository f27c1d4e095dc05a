package org.glamibench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The harness version, from the build, for provenance and {@code --version}. */
public final class HarnessVersion {
    private HarnessVersion() {
    }

    /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = HarnessVersion.class.getResourceAsStream("/org/glamibench/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
