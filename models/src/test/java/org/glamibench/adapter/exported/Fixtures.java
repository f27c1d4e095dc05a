package org.glamibench.adapter.exported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Split;
import org.glamibench.image.RgbImage;

/**
 * The model fixtures written by {@code models/src/test/python/export_fixtures.py}: specs, model
 * files, images, and the outputs torch computed ({@code expected.json}).
 */
final class Fixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Categories of every fixture model, plus 86531 and 999 that some do not list. */
    static final int[] CATEGORIES = {6, 132, 999, 2811, 39412, 53403, 86531};

    private Fixtures() {
    }

    /** The fixture folder. */
    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/exported/expected.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    static JsonNode json(String name) {
        try {
            return MAPPER.readTree(file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RgbImage image(String relativePath) {
        try {
            return RgbImage.of(ImageIO.read(file(relativePath).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class index over {@link #CATEGORIES}. */
    static ClassIndex classIndex() {
        Map<Integer, String> names = new TreeMap<>();
        for (int category : CATEGORIES) {
            names.put(category, "category-" + category);
        }
        return ClassIndex.of(names, Split.TRAIN);
    }

    /** A context on the CPU with the given options. */
    static AdapterContext context(ClassIndex classIndex, Path cache, Map<String, String> options) {
        return new AdapterContext(classIndex, DeviceSpec.CPU, cache, options, 1, java.util.Optional.empty());
    }
}
