package org.glamibench.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The raw little-endian arrays that {@code make_glami_embracenet.py} writes ({@code .f32},
 * {@code .i32}, C order), and the comparison of Java's results with them.
 */
final class ReferenceArrays {
    private ReferenceArrays() {
    }

    /** Asserts every value within {@code tolerance} of torch's. */
    static void assertClose(float[][] actual, float[][] expected, double tolerance) {
        assertThat(actual).hasDimensions(expected.length, expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat((double) actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    /** A {@code rows x columns} float32 file of the folder. */
    static float[][] floats(Path dir, String name, int rows, int columns) throws IOException {
        ByteBuffer buffer = read(dir, name, rows, columns);
        float[][] values = new float[rows][columns];
        for (float[] row : values) {
            buffer.asFloatBuffer().get(row);
            buffer.position(buffer.position() + 4 * columns);
        }
        return values;
    }

    /** A {@code rows x columns} int32 file of the folder. */
    static int[][] ints(Path dir, String name, int rows, int columns) throws IOException {
        ByteBuffer buffer = read(dir, name, rows, columns);
        int[][] values = new int[rows][columns];
        for (int[] row : values) {
            buffer.asIntBuffer().get(row);
            buffer.position(buffer.position() + 4 * columns);
        }
        return values;
    }

    private static ByteBuffer read(Path dir, String name, int rows, int columns) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        assertThat(bytes).as(name).hasSize(4 * rows * columns);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
