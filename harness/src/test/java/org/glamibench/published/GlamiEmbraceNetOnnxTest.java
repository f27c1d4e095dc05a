package org.glamibench.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glamibench.python.PythonScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image trunk on ONNX Runtime against the PyTorch path and against torch: a checkpoint of the
 * published shape with five items from make_glami_embracenet.py (text width 64), loaded with both
 * image engines (five items: a chunk of four and one of one); the pooled features and log-probabilities
 * must agree within 1e-4.
 */
class GlamiEmbraceNetOnnxTest {
    private static final int ITEMS = 5;
    private static final int TEXT_WIDTH = 64;
    private static final int CLASSES = 5;
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;
    private static GlamiEmbraceNet pytorch;
    private static GlamiEmbraceNet onnx;
    private static float[][] images;

    @BeforeAll
    static void writeAndLoad() throws IOException {
        PythonScripts.run("make_glami_embracenet.py", dir.toString(), String.valueOf(TEXT_WIDTH), "6,132,2811,45,77",
                String.valueOf(ITEMS));
        pytorch = GlamiEmbraceNet.load(dir.resolve("checkpoint.pt"), Device.cpu(), ImageEngine.PYTORCH);
        onnx = GlamiEmbraceNet.load(dir.resolve("checkpoint.pt"), Device.cpu(), ImageEngine.ONNXRUNTIME);
        images = floats("images.f32", ITEMS, GlamiEmbraceNet.IMAGE_VALUES);
    }

    @AfterAll
    static void close() {
        if (pytorch != null) {
            pytorch.close();
        }
        if (onnx != null) {
            onnx.close();
        }
    }

    @Test
    void onnxRuntimePoolsTheFeaturesOfThePyTorchPathAndOfTorch() throws IOException {
        float[][] features = onnx.imageFeatures(images);

        assertThat(onnx.imageEngine()).isEqualTo(ImageEngine.ONNXRUNTIME);
        assertClose(features, pytorch.imageFeatures(images));
        assertClose(features, floats("features.f32", ITEMS, ResNeXt50.FEATURES));
    }

    @Test
    void onnxRuntimeGivesTorchsLogProbabilities() throws IOException {
        float[][] text = floats("text.f32", ITEMS, TEXT_WIDTH);
        int[] sources = ints("sources.i32", 1, ITEMS)[0];
        int[][] draws = ints("draws.i32", ITEMS, GlamiEmbraceNet.EMBRACEMENT_SIZE);

        assertClose(onnx.logProbabilities(text, images, sources, Embracement.EXPECTED, null),
                floats("expected.f32", ITEMS, CLASSES));
        assertClose(onnx.logProbabilities(text, images, sources, Embracement.SAMPLED, draws),
                floats("sampled.f32", ITEMS, CLASSES));
        assertThat(onnx.parameterCount()).isEqualTo(pytorch.parameterCount());
    }

    @Test
    void onnxRuntimeWithAGpuIsRefusedBeforeTheCheckpointIsRead() {
        assertThatThrownBy(() -> GlamiEmbraceNet.load(dir.resolve("absent.pt"), Device.gpu(0),
                ImageEngine.ONNXRUNTIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image engine onnxruntime runs on the CPU only, not gpu(0): the onnxruntime jar here has"
                        + " no CUDA provider (com.microsoft.onnxruntime:onnxruntime_gpu would be needed); use image"
                        + " engine pytorch on a GPU");
    }

    @Test
    void anUnknownImageEngineListsTheKnownOnes() {
        assertThat(ImageEngine.ofLabel("onnxruntime")).isEqualTo(ImageEngine.ONNXRUNTIME);
        assertThatThrownBy(() -> ImageEngine.ofLabel("tensorrt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown image engine 'tensorrt'; known: pytorch, onnxruntime");
    }

    private static void assertClose(float[][] actual, float[][] expected) {
        assertThat(actual).hasDimensions(expected.length, expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat((double) actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(TOLERANCE));
            }
        }
    }

    private static float[][] floats(String name, int rows, int columns) throws IOException {
        ByteBuffer buffer = read(name, rows, columns);
        float[][] values = new float[rows][columns];
        for (float[] row : values) {
            buffer.asFloatBuffer().get(row);
            buffer.position(buffer.position() + 4 * columns);
        }
        return values;
    }

    private static int[][] ints(String name, int rows, int columns) throws IOException {
        ByteBuffer buffer = read(name, rows, columns);
        int[][] values = new int[rows][columns];
        for (int[] row : values) {
            buffer.asIntBuffer().get(row);
            buffer.position(buffer.position() + 4 * columns);
        }
        return values;
    }

    private static ByteBuffer read(String name, int rows, int columns) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        assertThat(bytes).as(name).hasSize(4 * rows * columns);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
