package org.glamibench.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.glamibench.published.ReferenceArrays.assertClose;
import static org.glamibench.published.ReferenceArrays.floats;
import static org.glamibench.published.ReferenceArrays.ints;

import ai.djl.Device;
import java.io.IOException;
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
        images = floats(dir, "images.f32", ITEMS, GlamiEmbraceNet.IMAGE_VALUES);
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
        assertClose(features, pytorch.imageFeatures(images), TOLERANCE);
        assertClose(features, floats(dir, "features.f32", ITEMS, ResNeXt50.FEATURES), TOLERANCE);
    }

    @Test
    void onnxRuntimeGivesTorchsLogProbabilities() throws IOException {
        float[][] text = floats(dir, "text.f32", ITEMS, TEXT_WIDTH);
        int[] sources = ints(dir, "sources.i32", 1, ITEMS)[0];
        int[][] draws = ints(dir, "draws.i32", ITEMS, GlamiEmbraceNet.EMBRACEMENT_SIZE);

        assertClose(onnx.logProbabilities(text, images, sources, Embracement.EXPECTED, null),
                floats(dir, "expected.f32", ITEMS, CLASSES), TOLERANCE);
        assertClose(onnx.logProbabilities(text, images, sources, Embracement.SAMPLED, draws),
                floats(dir, "sampled.f32", ITEMS, CLASSES), TOLERANCE);
        assertThat(onnx.parameterCount()).isEqualTo(pytorch.parameterCount());
    }

    @Test
    void onnxRuntimeWithAGpuIsRefusedBeforeTheCheckpointIsRead() {
        assertThatThrownBy(() -> GlamiEmbraceNet.load(dir.resolve("absent.pt"), Device.gpu(0),
                ImageEngine.ONNXRUNTIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image engine onnxruntime runs on the CPU only in this build, not gpu(0): the onnxruntime "
                        + "jar here has no CUDA provider (com.microsoft.onnxruntime:onnxruntime_gpu is needed: the GPU "
                        + "build, GLAMI_BENCH_GPU=1 ./glami-bench ..., see docs/gpu.md); use image engine pytorch on a GPU");
    }

    @Test
    void anUnknownImageEngineListsTheKnownOnes() {
        assertThat(ImageEngine.ofLabel("onnxruntime")).isEqualTo(ImageEngine.ONNXRUNTIME);
        assertThatThrownBy(() -> ImageEngine.ofLabel("tensorrt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown image engine 'tensorrt'; known: pytorch, onnxruntime");
    }
}
