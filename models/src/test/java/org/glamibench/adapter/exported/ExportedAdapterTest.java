package org.glamibench.adapter.exported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;
import org.glamibench.registry.ScoreCheck;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported adapter on real architectures with random weights, exported to ONNX and TorchScript
 * by {@code export_fixtures.py}: its scores equal torch's within 1e-4 for the recorded inputs.
 */
class ExportedAdapterTest {
    private static final float TOLERANCE = 1e-4f;

    @TempDir
    Path cache;

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("mobilenet_v2.onnx.json", "mobilenet_v2", Modality.IMAGE),
                Arguments.of("mobilenet_v2.pt.json", "mobilenet_v2", Modality.IMAGE),
                Arguments.of("text.onnx.json", "text", Modality.TEXT),
                Arguments.of("text.pt.json", "text", Modality.TEXT),
                Arguments.of("text_b2.onnx.json", "text", Modality.TEXT),
                Arguments.of("fusion.onnx.json", "fusion", Modality.IMAGE_TEXT),
                Arguments.of("fusion.pt.json", "fusion", Modality.IMAGE_TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void scoresEqualTorchs(String specName, String fixture, Modality modality) throws Exception {
        JsonNode expected = Fixtures.json("expected.json").get("models").get(fixture);
        ClassIndex classes = Fixtures.classIndex();
        try (ExportedAdapter adapter = new ExportedAdapter()) {
            adapter.open(Fixtures.context(classes, cache, Map.of("spec", Fixtures.file(specName).toString())));

            AdapterDescriptor descriptor = adapter.descriptor();
            assertThat(descriptor.modality()).isEqualTo(modality);
            assertThat(descriptor.output()).isEqualTo(OutputKind.PROBABILITIES);
            assertThat(descriptor.name()).startsWith("exported:");
            // The engine that ran, for run.json's provenance: named as the spec names it, on the CPU.
            String engine = specName.contains(".onnx.") ? "OnnxRuntime" : "PyTorch";
            assertThat(adapter.engine()).get().satisfies(info -> {
                assertThat(info.engine()).isEqualTo(engine);
                assertThat(info.engineVersion()).isEqualTo(engine.equals("PyTorch") ? "2.7.1" : "1.21.1");
                assertThat(info.djlVersion()).isEqualTo("0.36.0");
                assertThat(info.device()).isEqualTo("cpu()");
            });

            List<ExportedInput> batch = new ArrayList<>();
            for (JsonNode item : expected.get("items")) {
                ExportedInput input = adapter.prepare(new ItemInput(
                        modality.readsImage() ? Fixtures.image(item.get("image").asText()) : null,
                        item.get("name").asText(), item.get("description").asText(), Geo.CZ, "admin"));
                if (item.has("input_ids")) {
                    assertThat(input.text().ids()).as("token ids of %s", item.get("name"))
                            .containsExactly(longs(item.get("input_ids")));
                    assertThat(input.text().attentionMask()).containsExactly(longs(item.get("attention_mask")));
                }
                batch.add(input);
            }

            float[][] raw = adapter.rawOutputs(batch);
            float[][] scores = adapter.predict(batch);

            int[] categories = ints(expected.get("categories"));
            for (int i = 0; i < batch.size(); i++) {
                float[] logits = floats(expected.get("items").get(i).get("logits"));
                assertThat(raw[i]).as("logits of item %d", i).containsExactly(logits, within(TOLERANCE));
                assertThat(ScoreCheck.itemProblem(scores[i], classes.size(), OutputKind.PROBABILITIES)).isNull();
                double[] softmax = softmax(logits);
                for (int c = 0; c < classes.size(); c++) {
                    int column = indexOf(categories, classes.category(c));
                    float want = column < 0 ? 0f : (float) softmax[column];
                    assertThat(scores[i][c]).as("item %d, category %d", i, classes.category(c))
                            .isCloseTo(want, within(TOLERANCE));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void batchesOfOneGiveTheSameScores(String specName, String fixture, Modality modality) throws Exception {
        JsonNode items = Fixtures.json("expected.json").get("models").get(fixture).get("items");
        try (ExportedAdapter adapter = new ExportedAdapter()) {
            adapter.open(Fixtures.context(Fixtures.classIndex(), cache, Map.of("spec", Fixtures.file(specName).toString())));
            List<ExportedInput> batch = new ArrayList<>();
            for (JsonNode item : items) {
                batch.add(adapter.prepare(new ItemInput(modality.readsImage() ? Fixtures.image(item.get("image").asText())
                        : null, item.get("name").asText(), item.get("description").asText(), Geo.SK, "")));
            }
            float[][] together = adapter.predict(batch);
            for (int i = 0; i < batch.size(); i++) {
                assertThat(adapter.predict(List.of(batch.get(i)))[0]).containsExactly(together[i], within(2e-5f));
            }
        }
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).floatValue();
        }
        return values;
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).longValue();
        }
        return values;
    }

    static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).intValue();
        }
        return values;
    }
}
