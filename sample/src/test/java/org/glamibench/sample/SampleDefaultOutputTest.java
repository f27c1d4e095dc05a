package org.glamibench.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the bytes of a small default sample (no {@code --distinct-photos}, no {@code --plant-twins}):
 * options added to the generator must leave its default output byte-identical.
 */
class SampleDefaultOutputTest {

    /** SHA-256 over every file's relative path and bytes, in path order, as generated before the options existed. */
    private static final String PINNED = "2843865cfc448320160f1451efa2f87d3d64824ee369992f55568ca1946a25cd";

    @TempDir
    Path tmp;

    @Test
    void theDefaultOutputIsUnchanged() throws IOException, NoSuchAlgorithmException {
        SampleSummary summary = SampleGenerator.generate(tmp, new SampleOptions(300, 200, 7, true, 2, false));
        assertThat(treeSha256(summary.folder())).isEqualTo(PINNED);
    }

    static String treeSha256(Path root) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
