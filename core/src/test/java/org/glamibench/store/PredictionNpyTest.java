package org.glamibench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.npy.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NPY files. That {@code numpy.load} reads the files this store writes is shown by
 * {@link PredictionFilesPythonTest} (numpy loaded a file with the same bytes); here the format is
 * parsed by hand, and files that {@code numpy.save} wrote are read.
 */
class PredictionNpyTest {
    static final ClassIndex SEVEN = PredictionStoreTest.SEVEN;

    @TempDir
    Path dir;

    @Test
    void writesAVersion1FileByTheFormatSpecification() throws IOException {
        TestRuns.Item[] items = {TestRuns.item(1, SEVEN), TestRuns.item(97, SEVEN), TestRuns.item(2, SEVEN)};
        try (PredictionStore store = PredictionStore.open(dir, SEVEN, true)) {
            Arrays.stream(items).forEach(item -> item.appendTo(store));
            store.finish();
        }
        byte[] npy = Files.readAllBytes(dir.resolve("scores.npy"));

        assertThat(Arrays.copyOf(npy, 8)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        assertThat(headerLength).isEqualTo(118);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 7), }";
        assertThat(new String(npy, 10, headerLength, StandardCharsets.US_ASCII))
                .isEqualTo(dict + " ".repeat(headerLength - dict.length() - 1) + "\n");
        assertThat(npy).hasSize(128 + 3 * 7 * 4);
        FloatBuffer data = ByteBuffer.wrap(npy, 128, 3 * 7 * 4).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] row = new float[7];
        data.get(row);
        assertThat(row).containsExactly(items[0].probabilities());
        data.get(row);
        assertThat(row).containsOnly(Float.NaN);
        data.get(row);
        assertThat(row).containsExactly(items[2].probabilities());
    }

    @Test
    void anUnfinishedFileHoldsZeroRowsInItsHeader() throws IOException {
        try (PredictionStore store = PredictionStore.open(dir, SEVEN, true)) {
            TestRuns.item(1, SEVEN).appendTo(store);
            TestRuns.item(2, SEVEN).appendTo(store);
            store.checkpoint();

            byte[] part = Files.readAllBytes(dir.resolve("scores.npy.part"));
            assertThat(part).hasSize(128 + 2 * 7 * 4);
            assertThat(new String(part, 10, 118, StandardCharsets.US_ASCII))
                    .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 7), }");
        }
    }

}
