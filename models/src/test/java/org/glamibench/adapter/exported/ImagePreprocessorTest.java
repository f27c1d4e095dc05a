package org.glamibench.adapter.exported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.glamibench.image.ResizeMethod;
import org.glamibench.image.RgbImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Image preprocessing against the tensors torch (and numpy, for the area resize) made of the same
 * random-pixel image: {@code preprocess.json} from {@code export_fixtures.py}.
 */
class ImagePreprocessorTest {

    static Stream<Integer> variants() {
        return IntStream.range(0, Fixtures.json("preprocess.json").get("variants").size()).boxed();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void matchesTorch(int variant) {
        JsonNode fixture = Fixtures.json("preprocess.json");
        RgbImage image = new RgbImage(fixture.get("width").asInt(), fixture.get("height").asInt(),
                Base64.getDecoder().decode(fixture.get("rgb_base64").asText()));
        JsonNode settings = fixture.get("variants").get(variant).get("image");
        JsonNode expected = fixture.get("variants").get(variant).get("expected");

        float[] actual = new ImagePreprocessor(settings(settings)).apply(image);

        assertThat(actual).hasSize(expected.size());
        // values reach 255 (scale 1) and ~2.6 (ImageNet normalisation): compare relative to 255
        float tolerance = settings.get("scale").isNumber() && settings.get("scale").asDouble() == 1 ? 2e-4f : 1e-5f;
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("variant %s (%s), value %d", variant, settings, i)
                    .isCloseTo(expected.get(i).floatValue(), within(tolerance));
        }
    }

    static ModelSpec.ImageSettings settings(JsonNode s) {
        float scale = s.get("scale").isNumber() ? s.get("scale").floatValue() : 1f / 255;
        return new ModelSpec.ImageSettings(s.get("width").asInt(), s.get("height").asInt(),
                ResizeMethod.ofLabel(s.get("resize").asText()),
                ModelSpec.Crop.valueOf(s.path("crop").asText("none").toUpperCase(Locale.ROOT)), scale,
                floats(s.get("mean"), 0), floats(s.get("std"), 1),
                ModelSpec.Channels.valueOf(s.path("channels").asText("RGB")),
                ModelSpec.Layout.valueOf(s.path("layout").asText("CHW")));
    }

    private static float[] floats(JsonNode node, float absent) {
        if (node == null) {
            return new float[] {absent, absent, absent};
        }
        return new float[] {node.get(0).floatValue(), node.get(1).floatValue(), node.get(2).floatValue()};
    }
}
