package org.glamibench.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout's root folder, found from the working directory of a test run (a module folder under
 * Maven): the nearest folder holding both {@code pom.xml} and {@code api/pom.xml}. Lets one module's
 * tests use files another module owns (test adapter sources, reference scripts, model fixtures).
 */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    /**
     * The root folder.
     *
     * @throws IllegalStateException when the working directory is not inside a glami-bench checkout
     */
    public static Path get() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("api/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside a glami-bench checkout: " + start);
    }

    /** A file or folder under the root, e.g. {@code examples/adapter-example}. */
    public static Path resolve(String relative) {
        return get().resolve(relative);
    }
}
