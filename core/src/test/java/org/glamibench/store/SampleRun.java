package org.glamibench.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.Split;

/**
 * The run folder that {@code core/src/test/python/make_store_fixtures.py} reads with pandas and
 * numpy: six GLAMI-1M classes, {@link #CRAFTED_ITEMS} hand-made items with awkward scores and
 * error messages, then {@link #RANDOM_ITEMS} random ones with scores of many magnitudes.
 * {@code main(folder)} writes it; {@link PredictionFilesPythonTest} compares.
 */
public final class SampleRun {
    static final int CRAFTED_ITEMS = 11;
    static final int RANDOM_ITEMS = 5000;

    private SampleRun() {
    }

    static ClassIndex classes() {
        return ClassIndex.of(Map.of(6, "womens-blouses-and-shirts", 132, "womens-pants", 2811, "mens-sneakers",
                39412, "bikinis", 53403, "womens-tops-tank-tops-and-t-shirts", 86531, "womens-sport-jackets"),
                Split.TRAIN);
    }

    static List<TestRuns.Item> items() {
        ClassIndex classes = classes();
        List<TestRuns.Item> items = new ArrayList<>();
        items.add(TestRuns.scored(989034, Geo.LT, 53403, new float[] {0f, 0f, 0f, 0f, 1f, 0f}, classes));
        items.add(TestRuns.scored(1009868, Geo.SI, 86531,
                new float[] {0f, 1f / 3, Float.MIN_VALUE, 1e-10f, 0.99999994f, 0.2f}, classes));
        items.add(TestRuns.scored(12, Geo.GR, 6, new float[] {0.25f, 0.25f, 0.25f, 0.125f, 0.125f, 0f}, classes));
        String[] messages = {
            "a,b",
            "say \"hi\"",
            "first line\nsecond line",
            "windows line\r\nend",
            "\"",
            "ends with comma,",
            "  spaced  ",
            "Γυναικεία μπλούζα, μαύρη — 日本 ąčęėįšųūž",
        };
        for (int i = 0; i < messages.length; i++) {
            ItemStatus status = i % 2 == 0 ? ItemStatus.ADAPTER_ERROR : ItemStatus.INPUT_ERROR;
            items.add(new TestRuns.Item(PredictionRow.failed(20 + i, Geo.values()[i], classes.category(i % 6),
                    status, messages[i]), null));
        }
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < RANDOM_ITEMS; i++) {
            long itemId = 100_000 + i * 7919L;
            float[] probabilities = new float[classes.size()];
            float sum = 0;
            for (int c = 0; c < probabilities.length; c++) {
                probabilities[c] = (float) Math.pow(random.nextDouble(), 1 + random.nextInt(12));
                sum += probabilities[c];
            }
            for (int c = 0; c < probabilities.length; c++) {
                probabilities[c] /= sum;
            }
            items.add(TestRuns.scored(itemId, Geo.values()[random.nextInt(13)], classes.category(random.nextInt(6)),
                    probabilities, classes));
        }
        return items;
    }

    static void write(Path folder) {
        try (PredictionStore store = PredictionStore.open(folder, classes(), true)) {
            items().forEach(item -> item.appendTo(store));
            store.finish();
        }
    }

    public static void main(String[] args) {
        write(Path.of(args[0]));
    }
}
