package org.glamibench.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.glamibench.python.PythonScripts;
import org.glamibench.torch.TorchFileException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken checkpoints and bad inputs: each gets an error naming the file and the key, or the argument
 * and item. The checkpoints come from make_glami_embracenet.py with a text width of 64.
 */
class GlamiEmbraceNetErrorsTest {
    private static final int TEXT_WIDTH = 64;

    @TempDir
    static Path dir;
    private static GlamiEmbraceNet net;

    @BeforeAll
    static void writeAndLoad() {
        PythonScripts.run("make_glami_embracenet.py", dir.toString(), String.valueOf(TEXT_WIDTH), "6,132,2811,45,77",
                "0");
        net = GlamiEmbraceNet.load(dir.resolve("checkpoint.pt"), Device.cpu());
    }

    @AfterAll
    static void close() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void loadsTheSmallCheckpoint() {
        assertThat(net.textWidth()).isEqualTo(TEXT_WIDTH);
        assertThat(net.categories()).containsExactly(6, 45, 77, 132, 2811);
        assertThat(net.checkpoint().file()).isEqualTo(dir.resolve("checkpoint.pt"));
    }

    @Test
    void aMissingKeyIsNamed() {
        assertLoadFails("missing_key.pt", "model_state_dict: missing key pre_2.layer3.2.bn2.running_var");
    }

    @Test
    void aWrongShapeIsNamed() {
        assertLoadFails("wrong_shape.pt",
                "model_state_dict: embracenet.docking_1.weight is float32[512, 2047], expected [512, 2048]");
    }

    @Test
    void anUnexpectedKeyIsNamed() {
        assertLoadFails("extra_key.pt", "model_state_dict: unexpected keys: embracenet.docking_3.weight");
    }

    @Test
    void aBatchCountThatIsNotAnInt64ScalarIsNamed() {
        assertLoadFails("no_batches_tracked.pt", "pre_2.bn1.num_batches_tracked is float32[], not an int64 scalar");
    }

    @Test
    void aOneHotPositionUsedTwiceNamesBothCategories() {
        assertLoadFails("label_gap.pt", "label_binarizer[132]: one-hot position 0 is also that of category 6");
    }

    @Test
    void aOneHotOfTheWrongLengthNamesTheCategory() {
        assertLoadFails("label_short.pt", "label_binarizer[2811] has 4 entries; the binarizer has 5 keys");
    }

    @Test
    void aTruncatedCheckpointNamesTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("checkpoint.pt"));
        Path truncated = dir.resolve("truncated.pt");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> GlamiEmbraceNet.load(truncated, Device.cpu()))
                .isInstanceOf(TorchFileException.class)
                .hasMessageStartingWith(truncated + ": ");
    }

    @Test
    void anUnknownLabelSourceListsTheKnownOnes() {
        assertThatThrownBy(() -> net.sourcePosition("scraped"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'scraped'")
                .hasMessageContaining("[admin, combined-tag, custom-tag, quality-check, unknown]");
    }

    @Test
    void inputsOfTheWrongSizeNameTheItem() {
        float[][] text = {new float[TEXT_WIDTH], new float[TEXT_WIDTH]};
        float[][] images = {new float[GlamiEmbraceNet.IMAGE_VALUES], new float[10]};
        assertThatThrownBy(() -> net.imageFeatures(images))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("images[1] has 10 values, expected 203832");
        assertThatThrownBy(() -> net.docked(new float[][] {new float[TEXT_WIDTH], new float[63]},
                new float[2][2048], new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text[1] has 63 values, expected 64");
        assertThatThrownBy(() -> net.docked(text, new float[2][2048], new int[] {0, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sources[1] is 5, not a position in [admin,");
        assertThatThrownBy(() -> net.docked(text, new float[1][2048], new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("imageFeatures has 1 items, expected 2");
    }

    @Test
    void drawsMustFitTheEmbracement() {
        float[][] text = {new float[TEXT_WIDTH]};
        float[][] images = {new float[GlamiEmbraceNet.IMAGE_VALUES]};
        int[] sources = {4};
        int[][] draws = GlamiEmbraceNet.draws(new long[] {1});
        assertThatThrownBy(() -> net.logProbabilities(text, images, sources, Embracement.EXPECTED, draws))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("draws are given, but the expected embracement takes none");
        assertThatThrownBy(() -> net.logProbabilities(text, images, sources, Embracement.SAMPLED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sampled embracement needs draws");
        draws[0][5] = 3;
        assertThatThrownBy(() -> net.logProbabilities(text, images, sources, Embracement.SAMPLED, draws))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("draws[0][5] is 3, not a modality in 0..2");
    }

    @Test
    void anEmptyBatchGivesEmptyResults() {
        assertThat(net.imageFeatures(new float[0][])).isEmpty();
        assertThat(net.docked(new float[0][], new float[0][], new int[0])).hasDimensions(3, 0);
        assertThat(net.logProbabilities(new float[0][], new float[0][], new int[0], Embracement.EXPECTED, null))
                .isEmpty();
    }

    @Test
    void drawsComeFromJavaUtilRandomPerSeed() {
        int[][] draws = GlamiEmbraceNet.draws(new long[] {7, 7, 8});
        Random random = new Random(8);
        int[] counts = new int[3];
        for (int f = 0; f < GlamiEmbraceNet.EMBRACEMENT_SIZE; f++) {
            assertThat(draws[2][f]).isEqualTo(random.nextInt(3));
            counts[draws[2][f]]++;
        }
        assertThat(draws[0]).isEqualTo(draws[1]).isNotEqualTo(draws[2]);
        assertThat(Arrays.stream(counts).boxed()).allSatisfy(count -> assertThat(count).isBetween(130, 210));
    }

    @Test
    void embracementsHaveLabels() {
        assertThat(Embracement.ofLabel("sampled")).isEqualTo(Embracement.SAMPLED);
        assertThat(Embracement.ofLabel("expected")).isEqualTo(Embracement.EXPECTED);
        assertThatThrownBy(() -> Embracement.ofLabel("mean"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown embracement 'mean'; known: sampled, expected");
    }

    private static void assertLoadFails(String name, String detail) {
        Path file = dir.resolve(name);
        assertThatThrownBy(() -> GlamiEmbraceNet.load(file, Device.cpu()))
                .isInstanceOf(TorchFileException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(detail);
    }
}
