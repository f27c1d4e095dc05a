package org.glamibench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glamibench.dataset.ClassIndex;
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

    @Test
    void readsAFileNumpySaved() throws IOException {
        try (FileChannel channel = FileChannel.open(fixture("numpy-saved-f4.npy"))) {
            Npy.Header header = Npy.read(channel, "numpy-saved-f4.npy");

            assertThat(header).isEqualTo(new Npy.Header(3, 4, 128));
            assertThat(Npy.readFloats(channel, header.dataOffset(), 12)).containsExactly(
                    0.1f, -2.5f, Float.NaN, Float.MIN_VALUE,
                    Float.POSITIVE_INFINITY, 0f, -0f, Float.MAX_VALUE,
                    1f / 3, 2f / 3, 1f, 65504f);
        }
    }

    @Test
    void refusesWhatIsNotACOrderFloat32Matrix() throws IOException {
        assertThatThrownBy(() -> readHeader(fixture("numpy-saved-f8.npy")))
                .isInstanceOf(PredictionStoreException.class)
                .hasMessage("numpy-saved-f8.npy: dtype <f8 is not little-endian float32 ('<f4')");
        assertThatThrownBy(() -> readHeader(fixture("numpy-saved-fortran.npy")))
                .hasMessage("numpy-saved-fortran.npy: fortran_order must be False (C order)");

        Path vector = dir.resolve("vector.npy");
        byte[] header = Npy.header(3, 7).array();
        byte[] oneDimension = "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }".getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(header, 10, 127, (byte) ' ');
        System.arraycopy(oneDimension, 0, header, 10, oneDimension.length);
        Files.write(vector, header);
        assertThatThrownBy(() -> readHeader(vector)).hasMessage("vector.npy: shape [3] is not 2-dimensional");

        Path text = dir.resolve("text.npy");
        Files.writeString(text, "item_id,geo\n");
        assertThatThrownBy(() -> readHeader(text)).hasMessage("text.npy: not an NPY file (no \\x93NUMPY magic)");

        Path broken = dir.resolve("broken.npy");
        Files.write(broken, Arrays.copyOf(Npy.header(3, 7).array(), 60));
        assertThatThrownBy(() -> readHeader(broken)).hasMessage("broken.npy: ends inside the NPY header");
    }

    private static Npy.Header readHeader(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return Npy.read(channel, file.getFileName().toString());
        }
    }

    private static Path fixture(String name) {
        try {
            return Path.of(PredictionNpyTest.class.getResource("/store/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
