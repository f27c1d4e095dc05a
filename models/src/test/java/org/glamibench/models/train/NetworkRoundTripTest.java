package org.glamibench.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.glamibench.models.FusionInput;
import org.glamibench.models.FusionSettings;
import org.glamibench.models.ImageSettings;
import org.glamibench.models.TextSettings;
import org.glamibench.models.TrainedModel;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.nn.Batches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each network, after a few training steps (which also move BatchNorm's running statistics),
 * gives exactly the same logits after its parameters are saved and loaded into a fresh network.
 */
class NetworkRoundTripTest {
    private static final int CLASSES = 7;
    private static final int BATCH = 6;

    @TempDir
    Path dir;

    @Test
    void theImageModelRoundTripsExactly() {
        ImageSettings settings = ImageSettings.glami(4);
        List<float[]> images = images(settings, 1);
        roundTrip(() -> settings.newClassifier(CLASSES), settings.inputShapes(), m -> settings.batch(m, images));
    }

    @Test
    void theTextModelRoundTripsExactly() {
        TextSettings settings = new TextSettings(1 << 10, 16, 3, 5, 64);
        List<int[]> ids = ids(settings, 2);
        roundTrip(() -> settings.newClassifier(CLASSES), settings.inputShapes(), m -> settings.batch(m, ids));
    }

    @Test
    void theEmbraceNetModelRoundTripsExactlyWithAndWithoutDraws() {
        FusionSettings settings = new FusionSettings(ImageSettings.glami(4), new TextSettings(1 << 10, 16, 3, 5, 64),
                32, true, FusionSettings.END_TO_END);
        List<float[]> images = images(settings.image(), 3);
        List<int[]> ids = ids(settings.text(), 4);
        List<FusionInput> items = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            items.add(new FusionInput(images.get(i), ids.get(i), i % 6 - 1, 0));
        }
        roundTrip(() -> settings.newBlock(CLASSES), settings.inputShapes(), m -> settings.batch(m, items));
        roundTrip(() -> settings.newBlock(CLASSES), settings.inputShapes(), m -> {
            NDList inputs = settings.batch(m, items);
            List<SplittableRandom> randoms = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                randoms.add(new SplittableRandom(i));
            }
            inputs.add(Batches.draws(m, randoms, settings.dockSize()));
            return inputs;
        });
    }

    private void roundTrip(java.util.function.Supplier<Block> network, ai.djl.ndarray.types.Shape[] shapes,
                           Function<NDManager, NDList> inputs) {
        Path file = dir.resolve("network.params");
        float[] before;
        float[] after;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Block trained = new NetworkStart(manager, 5, dir, null).begin(network.get(), shapes);
            List<Parameter> parameters = new ArrayList<>();
            for (Pair<String, Parameter> pair : trained.getParameters()) {
                if (pair.getValue().requiresGradient()) {
                    parameters.add(pair.getValue());
                }
            }
            Adam adam = new Adam(parameters, 1e-2f);
            ParameterStore store = new ParameterStore(manager, false);
            for (int step = 0; step < 3; step++) {
                try (NDManager scope = manager.newSubManager();
                     GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = trained.forward(store, inputs.apply(scope), true).singletonOrThrow();
                    NDArray labels = scope.create(new long[] {0, 1, 2, 3, 4, 5});
                    collector.backward(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits)));
                }
                adam.step();
            }
            before = logits(trained, manager, inputs);
            ModelFolder.saveParameters(trained, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Block loaded = network.get();
            ModelFolder.loadParameters(loaded, manager, file);
            after = logits(loaded, manager, inputs);
        }
        assertThat(after).isEqualTo(before);
        assertThat(before).doesNotContain(Float.NaN);
    }

    private static float[] logits(Block network, NDManager manager, Function<NDManager, NDList> inputs) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray logits = network.forward(new ParameterStore(manager, false), inputs.apply(scope), false)
                    .singletonOrThrow();
            assertThat(TrainedModel.rows(logits)).hasNumberOfRows(BATCH);
            return logits.toFloatArray();
        }
    }

    private static List<float[]> images(ImageSettings settings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            float[] image = new float[settings.preprocessing().inputSize()];
            for (int j = 0; j < image.length; j++) {
                image[j] = random.nextInt(256) / 255f;
            }
            images.add(image);
        }
        return images;
    }

    private static List<int[]> ids(TextSettings settings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> ids = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            int[] list = new int[i == 0 ? 0 : 1 + random.nextInt(20)];
            for (int j = 0; j < list.length; j++) {
                list[j] = random.nextInt(settings.buckets());
            }
            ids.add(list);
        }
        return ids;
    }
}
