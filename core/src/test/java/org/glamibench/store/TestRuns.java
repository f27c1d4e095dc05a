package org.glamibench.store;

import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.Split;
import org.glamibench.stats.SeedMix;

/** Deterministic class indices, items and their predictions for the store tests. */
final class TestRuns {
    private TestRuns() {
    }

    /** What the tests append for one item: its row, and its probabilities (null for a failed item). */
    record Item(PredictionRow row, float[] probabilities) {
        void appendTo(PredictionStore store) {
            store.append(row, probabilities);
        }
    }

    /** {@code size} classes: categories 100, 107, 114, ... named {@code class-<category>}. */
    static ClassIndex classes(int size) {
        Map<Integer, String> names = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            names.put(100 + 7 * i, "class-" + (100 + 7 * i));
        }
        return ClassIndex.of(names, Split.TRAIN);
    }

    /**
     * The item a test run scores: its values follow from the item id alone. Every 97th item is an
     * adapter error and every 89th an input error, with messages that need CSV quoting.
     */
    static Item item(long itemId, ClassIndex classes) {
        Geo geo = Geo.values()[(int) (itemId % Geo.values().length)];
        int category = classes.category((int) (itemId * 31 % classes.size()));
        if (itemId % 97 == 0) {
            return new Item(PredictionRow.failed(itemId, geo, category, ItemStatus.ADAPTER_ERROR,
                    "predict failed for item " + itemId + ": \"shape\" [1, 3],\nsecond line"), null);
        }
        if (itemId % 89 == 0) {
            return new Item(PredictionRow.failed(itemId, geo, category, ItemStatus.INPUT_ERROR,
                    "images/" + itemId + ".jpg: unreadable, \"EOF\"\r\n"), null);
        }
        return scored(itemId, geo, category, probabilities(itemId, classes.size()), classes);
    }

    /** A probability vector that follows from the item id: peaked, summing to about 1. */
    static float[] probabilities(long itemId, int size) {
        SplittableRandom random = new SplittableRandom(itemId * SeedMix.GOLDEN_GAMMA);
        double[] raw = new double[size];
        double sum = 0;
        for (int c = 0; c < size; c++) {
            double u = random.nextDouble();
            raw[c] = u * u * u * u;
            sum += raw[c];
        }
        float[] p = new float[size];
        for (int c = 0; c < size; c++) {
            p[c] = (float) (raw[c] / sum);
        }
        return p;
    }

    /** An ok item whose top predictions are taken from its probabilities (ties: lower index first). */
    static Item scored(long itemId, Geo geo, int category, float[] probabilities, ClassIndex classes) {
        int k = Math.min(PredictionRow.TOP_K, classes.size());
        int[] best = IntStream.range(0, classes.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -probabilities[c]).thenComparingInt(c -> c))
                .limit(k).mapToInt(Integer::intValue).toArray();
        int[] categories = new int[k];
        float[] scores = new float[k];
        for (int i = 0; i < k; i++) {
            categories[i] = classes.category(best[i]);
            scores[i] = probabilities[best[i]];
        }
        return new Item(PredictionRow.ok(itemId, geo, category, categories, scores), probabilities);
    }
}
