package org.glamibench.leakage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;

/**
 * What {@link LeakageFinder} found on one test split: per test item its twins, the duplicate
 * groups inside the test split, and counts per geo and per class. {@link #summary()} is the object
 * that {@code glami-bench leakage --json} prints; {@link #toJson()} is {@code leakage.json}.
 *
 * @param manifestSha256      the test split's manifest hash
 * @param maxDistance         D: photos within this Hamming distance (and of like colours) are twins
 * @param searchRadius        how far the nearest train photo was looked for
 * @param items               every test item, in the split's order
 * @param testDuplicateGroups groups of test items that are twins of each other, each sorted, by first id
 */
public record LeakageResult(String manifestSha256, int maxDistance, int searchRadius, List<Item> items,
                            List<List<Long>> testDuplicateGroups) {

    /** At most this many twins of one kind are listed per test item (all are counted). */
    public static final int LISTED_TWINS = 10;

    /**
     * One test item.
     *
     * @param row            the test row
     * @param nearestTrainDistance the distance of the nearest train photo of like colours within the
     *                       search radius, or null when there is none
     * @param photoTwins     train items with a twin photo, nearest first
     * @param photoDistances their distances, same order
     * @param textTwins      train items with the same name and description, by item id
     * @param nameTwins      when there is no text twin, train items with the same name, by item id
     */
    public record Item(GlamiRow row, Integer nearestTrainDistance, List<GlamiRow> photoTwins, List<Integer> photoDistances,
                       List<GlamiRow> textTwins, List<GlamiRow> nameTwins) {
        /** Whether the item has a photo twin or a text twin in train (names alone do not count). */
        public boolean leaked() {
            return !photoTwins.isEmpty() || !textTwins.isEmpty();
        }

        /** Whether some photo or text twin has the item's label. */
        public boolean sameLabel() {
            return photoTwins.stream().anyMatch(t -> t.category() == row.category())
                    || textTwins.stream().anyMatch(t -> t.category() == row.category());
        }
    }

    /** The number of test items. */
    public int testItems() {
        return items.size();
    }

    /** The number of test items with a photo or text twin in train. */
    public long leakedItems() {
        return items.stream().filter(Item::leaked).count();
    }

    /**
     * The object {@code leakage --json} prints: {@code manifest_sha256}, {@code test_items},
     * {@code max_distance}, {@code photo_twins}, {@code text_twins}, {@code test_duplicate_groups},
     * {@code per_geo}.
     */
    public Map<String, Object> summary() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("manifest_sha256", manifestSha256);
        json.put("test_items", items.size());
        json.put("max_distance", maxDistance);
        List<Map<String, Object>> photo = new ArrayList<>();
        List<Map<String, Object>> text = new ArrayList<>();
        for (Item item : items) {
            for (int k = 0; k < Math.min(LISTED_TWINS, item.photoTwins.size()); k++) {
                GlamiRow twin = item.photoTwins.get(k);
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("test_item", item.row.itemId());
                pair.put("train_item", twin.itemId());
                pair.put("distance", item.photoDistances.get(k));
                pair.put("same_label", twin.category() == item.row.category());
                photo.add(pair);
            }
            boolean full = !item.textTwins.isEmpty();
            List<GlamiRow> twins = full ? item.textTwins : item.nameTwins;
            for (GlamiRow twin : twins.subList(0, Math.min(LISTED_TWINS, twins.size()))) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("test_item", item.row.itemId());
                pair.put("train_item", twin.itemId());
                pair.put("same_label", twin.category() == item.row.category());
                pair.put("match", full ? "name+description" : "name");
                text.add(pair);
            }
        }
        json.put("photo_twins", photo);
        json.put("text_twins", text);
        json.put("test_duplicate_groups", testDuplicateGroups);
        json.put("per_geo", perGeo());
        return json;
    }

    /**
     * {@code leakage.json}: the {@link #summary()}, then {@code search_radius}, {@code
     * colour_tolerance}, {@code per_class} (by category id), {@code distance_histogram} (test items
     * by the distance of their nearest train photo, {@code "none"} beyond the search radius) and
     * {@code items}: per test item {@code item_id}, {@code geo}, {@code category},
     * {@code nearest_train_distance}, {@code photo_twins} (ids, at most {@value #LISTED_TWINS}),
     * {@code photo_twin_count}, {@code text_twin}, {@code name_match}, {@code same_label},
     * {@code clean}.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = summary();
        json.put("search_radius", searchRadius);
        json.put("colour_tolerance", PhotoSignature.COLOUR_TOLERANCE);
        json.put("per_class", perClass());
        json.put("distance_histogram", histogram());
        List<Map<String, Object>> perItem = new ArrayList<>(items.size());
        for (Item item : items) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item_id", item.row.itemId());
            entry.put("geo", item.row.geo().code());
            entry.put("category", item.row.category());
            entry.put("nearest_train_distance", item.nearestTrainDistance);
            entry.put("photo_twins", item.photoTwins.stream().limit(LISTED_TWINS).map(GlamiRow::itemId).toList());
            entry.put("photo_twin_count", item.photoTwins.size());
            entry.put("text_twin", !item.textTwins.isEmpty());
            entry.put("name_match", !item.nameTwins.isEmpty());
            entry.put("same_label", item.sameLabel());
            entry.put("clean", !item.leaked());
            perItem.add(entry);
        }
        json.put("items", perItem);
        return json;
    }

    /** Test items by nearest train photo distance, 0..search radius, then {@code none}. */
    public Map<String, Long> histogram() {
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (int d = 0; d <= searchRadius; d++) {
            histogram.put(Integer.toString(d), 0L);
        }
        histogram.put("none", 0L);
        for (Item item : items) {
            histogram.merge(item.nearestTrainDistance == null ? "none" : item.nearestTrainDistance.toString(), 1L, Long::sum);
        }
        return histogram;
    }

    /** {@link #counts} per geo code, in {@link Geo} order. */
    public Map<String, Map<String, Object>> perGeo() {
        return counts(row -> row.geo().code(), Comparator.comparing(k -> Geo.fromCode(k).orElseThrow()));
    }

    /** {@link #counts} per category id, ascending. */
    public Map<String, Map<String, Object>> perClass() {
        return counts(row -> Integer.toString(row.category()), Comparator.comparingLong(Long::parseLong));
    }

    /**
     * Counts per key (geo code, or category id): {@code test_items}, {@code photo_twins} and
     * {@code text_twins} (items with at least one), {@code name_matches}, {@code leaked},
     * {@code leaked_same_label}, {@code leaked_share}. Geos in {@link Geo} order, classes by id.
     */
    private Map<String, Map<String, Object>> counts(Function<GlamiRow, String> key, Comparator<String> order) {
        Map<String, long[]> tallies = new TreeMap<>();
        for (Item item : items) {
            long[] t = tallies.computeIfAbsent(key.apply(item.row), k -> new long[6]);
            t[0]++;
            t[1] += item.photoTwins.isEmpty() ? 0 : 1;
            t[2] += item.textTwins.isEmpty() ? 0 : 1;
            t[3] += item.nameTwins.isEmpty() ? 0 : 1;
            t[4] += item.leaked() ? 1 : 0;
            t[5] += item.leaked() && item.sameLabel() ? 1 : 0;
        }
        List<String> keys = new ArrayList<>(tallies.keySet());
        keys.sort(order);
        Map<String, Map<String, Object>> counts = new LinkedHashMap<>();
        for (String k : keys) {
            long[] t = tallies.get(k);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("test_items", t[0]);
            c.put("photo_twins", t[1]);
            c.put("text_twins", t[2]);
            c.put("name_matches", t[3]);
            c.put("leaked", t[4]);
            c.put("leaked_same_label", t[5]);
            c.put("leaked_share", (double) t[4] / t[0]);
            counts.put(k, c);
        }
        return counts;
    }
}
