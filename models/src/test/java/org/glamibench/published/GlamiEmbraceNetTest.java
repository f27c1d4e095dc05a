package org.glamibench.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.published.ReferenceArrays.assertClose;
import static org.glamibench.published.ReferenceArrays.floats;
import static org.glamibench.published.ReferenceArrays.ints;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.glamibench.python.PythonScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network against torch: a checkpoint of the published shape (text width 16,384, the original's
 * module names, random weights, Adam state) written by make_glami_embracenet.py with the outputs torch
 * computes for three items; Java must match within 1e-4.
 */
class GlamiEmbraceNetTest {
    private static final int ITEMS = 3;
    private static final int TEXT_WIDTH = 16_384;
    private static final List<Integer> CATEGORIES = List.of(6, 9, 17, 45, 77, 132, 250, 1003, 2811, 3000);
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;
    private static GlamiEmbraceNet net;
    private static float[][] text;
    private static float[][] images;
    private static int[] sources;
    private static int[][] draws;

    @BeforeAll
    static void writeAndLoad() throws IOException {
        PythonScripts.run("make_glami_embracenet.py", dir.toString(), String.valueOf(TEXT_WIDTH),
                "2811,6,132,45,77,1003,9,250,3000,17", String.valueOf(ITEMS));
        net = GlamiEmbraceNet.load(dir.resolve("checkpoint.pt"), Device.cpu());
        text = floats(dir, "text.f32", ITEMS, TEXT_WIDTH);
        images = floats(dir, "images.f32", ITEMS, GlamiEmbraceNet.IMAGE_VALUES);
        sources = ints(dir, "sources.i32", 1, ITEMS)[0];
        draws = ints(dir, "draws.i32", ITEMS, GlamiEmbraceNet.EMBRACEMENT_SIZE);
    }

    @AfterAll
    static void close() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void readsTheClassesTheSourcesAndTheShapes() {
        assertThat(net.categories()).isEqualTo(CATEGORIES);
        assertThat(net.labelSources()).containsExactly("admin", "combined-tag", "custom-tag", "quality-check",
                "unknown");
        assertThat(net.sourcePosition("custom-tag")).isEqualTo(2);
        assertThat(net.sourcePosition("")).isEqualTo(4);
        assertThat(net.sourcePosition(null)).isEqualTo(4);
        assertThat(net.textWidth()).isEqualTo(TEXT_WIDTH);
        assertThat(net.checkpoint().epoch()).isEqualTo(1);
        assertThat(net.checkpoint().loss()).isEqualTo(2.5);
        long resnext = 25_028_904 - (2048 * 1000 + 1000);
        long docking = (512L * TEXT_WIDTH + 512) + (512 * 2048 + 512) + (512 * 5 + 512);
        assertThat(net.parameterCount()).isEqualTo(resnext + docking + 512 * 10 + 10);
    }

    @Test
    void poolsTheImageFeaturesAsTorch() throws IOException {
        assertClose(net.imageFeatures(images), floats(dir, "features.f32", ITEMS, 2048), TOLERANCE);
    }

    @Test
    void docksTheThreeModalitiesAsTorch() throws IOException {
        float[][] features = floats(dir, "features.f32", ITEMS, 2048);
        float[][][] docked = net.docked(text, features, sources);
        float[][] expected = floats(dir, "docked.f32", 3 * ITEMS, GlamiEmbraceNet.EMBRACEMENT_SIZE);
        for (int m = 0; m < 3; m++) {
            assertClose(docked[m], Arrays.copyOfRange(expected, m * ITEMS, (m + 1) * ITEMS), TOLERANCE);
        }
    }

    @Test
    void logProbabilitiesMatchTorchForBothEmbracements() throws IOException {
        assertClose(net.logProbabilities(text, images, sources, Embracement.EXPECTED, null),
                floats(dir, "expected.f32", ITEMS, CATEGORIES.size()), TOLERANCE);
        assertClose(net.logProbabilities(text, images, sources, Embracement.SAMPLED, draws),
                floats(dir, "sampled.f32", ITEMS, CATEGORIES.size()), TOLERANCE);
    }
}
