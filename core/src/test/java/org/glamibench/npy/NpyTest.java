package org.glamibench.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading NPY headers and data as {@code numpy.save} writes them, and refusing other arrays. */
class NpyTest {
    @TempDir
    Path dir;

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
                .isInstanceOf(NpyException.class)
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

    @Test
    void writesAndReadsAnInt64Vector() throws IOException {
        Path file = dir.resolve("ids.npy");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            channel.write(Npy.int64VectorHeader(3), 0);
            java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            data.putLong(989034).putLong(-1).putLong(Long.MAX_VALUE).flip();
            channel.write(data, Npy.HEADER_BYTES);

            Npy.Header header = Npy.read(channel, "ids.npy", Npy.INT64, 1);
            assertThat(header).isEqualTo(new Npy.Header(3, 1, 128));
            assertThat(Npy.readLongs(channel, header.dataOffset(), 3)).containsExactly(989034, -1, Long.MAX_VALUE);
            assertThatThrownBy(() -> Npy.read(channel, "ids.npy")).isInstanceOf(NpyException.class)
                    .hasMessage("ids.npy: dtype <i8 is not little-endian float32 ('<f4')");
        }
        assertThat(new String(Files.readAllBytes(file), 10, 118, StandardCharsets.US_ASCII))
                .startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }");
    }

    private static Path fixture(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
