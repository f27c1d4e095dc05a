package org.glamibench.baselines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Registry files ({@code glami-bench-baselines/1}) written for tests. */
public final class RegistryFiles {
    /** A valid model-zip entry named {@code tiny}, 10 bytes, SHA-256 {@code abab...}. */
    public static final String TINY = "{\"name\": \"tiny\", \"kind\": \"model-zip\", \"modality\": \"TEXT\","
            + " \"url\": \"https://example.org/tiny.zip\", \"file\": \"tiny.zip\", \"size\": 10, \"sha256\": \""
            + "ab".repeat(32) + "\"}";

    private RegistryFiles() {
    }

    /** Writes {@code dir/baselines.json}, replacing it. */
    public static Path write(Path dir, String json) throws IOException {
        return Files.writeString(dir.resolve("baselines.json"), json);
    }
}
