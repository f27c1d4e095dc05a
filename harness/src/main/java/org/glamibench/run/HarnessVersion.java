package org.glamibench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The harness version, from the build, for {@code --version} and for provenance. */
public final class HarnessVersion implements CommandLine.IVersionProvider {

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

    @Override
    public String[] getVersion() {
        return new String[] {"glami-bench " + get()};
    }
}
