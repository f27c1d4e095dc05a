package org.glamibench.leakage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.glamibench.dataset.GlamiRow;

/**
 * Finds, for every test item, its train twins: train items whose photo is a twin within D
 * ({@link PhotoSignature#twinOf}) and train items with the same normalised name and description
 * ({@link TextKeys}); also train items with the same name alone, and groups of test items that are
 * twins of each other (sharing a photo, twin photos or the same text). Photos are searched with a
 * {@link HammingIndex} over the train photos' whole and centre hashes, never all pairs. The search
 * reaches the {@link #searchRadius largest distance} that costs no more than D does, so that each
 * item's nearest train photo is known up to there (for the distance histogram).
 */
public final class LeakageFinder {
    /** The default D, chosen from the distances measured on planted twins (docs/leakage.md). */
    public static final int DEFAULT_MAX_DISTANCE = 10;

    private LeakageFinder() {
    }

    /**
     * Finds the twins.
     *
     * @param train       the train split's rows
     * @param test        the test split's rows
     * @param signatures  photo signatures by image id; an image without one (unreadable) has no photo twins
     * @param maxDistance D, 0..64
     * @param manifest    the test split's manifest hash, carried into the result
     * @param progress    told after each test photo searched
     * @throws IllegalArgumentException when D is out of range
     */
    public static LeakageResult find(List<GlamiRow> train, List<GlamiRow> test, Map<Long, PhotoSignature> signatures,
                                     int maxDistance, String manifest, Runnable progress) {
        if (maxDistance < 0 || maxDistance > 64) {
            throw new IllegalArgumentException("--max-distance is a Hamming distance, 0..64, not " + maxDistance);
        }
        int radius = searchRadius(maxDistance);
        Photos trainPhotos = new Photos(train, signatures);
        Photos testPhotos = new Photos(test, signatures);
        HammingIndex trainIndex = trainPhotos.index();
        int[] nearest = new int[testPhotos.count()];
        int[][] twins = new int[testPhotos.count()][];
        IntStream.range(0, testPhotos.count()).parallel().forEach(p -> {
            Match match = search(trainIndex, trainPhotos, testPhotos.signature(p), maxDistance, radius);
            nearest[p] = match.nearest;
            twins[p] = match.twins;
            progress.run();
        });
        HammingIndex testIndex = testPhotos.index();
        int[][] testTwins = new int[testPhotos.count()][];
        IntStream.range(0, testPhotos.count()).parallel().forEach(p ->
                testTwins[p] = search(testIndex, testPhotos, testPhotos.signature(p), maxDistance, maxDistance).twins);

        Map<String, List<GlamiRow>> trainByText = new HashMap<>();
        Map<String, List<GlamiRow>> trainByName = new HashMap<>();
        for (GlamiRow row : train) {
            trainByText.computeIfAbsent(TextKeys.nameAndDescription(row.name(), row.description()), k -> new ArrayList<>())
                    .add(row);
            trainByName.computeIfAbsent(TextKeys.name(row.name()), k -> new ArrayList<>()).add(row);
        }
        List<LeakageResult.Item> items = new ArrayList<>(test.size());
        for (GlamiRow row : test) {
            int photo = testPhotos.photoOf(row);
            List<GlamiRow> photoTwins = new ArrayList<>();
            List<Integer> distances = new ArrayList<>();
            if (photo >= 0) {
                for (int twin : twins[photo]) {
                    for (GlamiRow trainRow : trainPhotos.rows(twin)) {
                        photoTwins.add(trainRow);
                        distances.add(trainPhotos.signature(twin).distance(testPhotos.signature(photo)));
                    }
                }
            }
            List<GlamiRow> textTwins = byItem(trainByText.getOrDefault(
                    TextKeys.nameAndDescription(row.name(), row.description()), List.of()));
            List<GlamiRow> nameTwins = textTwins.isEmpty()
                    ? byItem(trainByName.getOrDefault(TextKeys.name(row.name()), List.of())) : List.of();
            items.add(new LeakageResult.Item(row, photo >= 0 && nearest[photo] <= radius ? nearest[photo] : null,
                    photoTwins, distances, textTwins, nameTwins));
        }
        List<List<Long>> groups = duplicateGroups(test, testPhotos, testTwins);
        return new LeakageResult(manifest, maxDistance, radius, items, groups);
    }

    /**
     * How far the nearest train photo is looked for at a given D: the largest distance whose
     * search visits the same buckets as D's ({@code 4 (D / 4) + 3}, at most 64), e.g. 11 for D = 8
     * to 11. Going further costs about five times more per step of 4 bits.
     */
    public static int searchRadius(int maxDistance) {
        return Math.min(64, maxDistance / HammingIndex.BANDS * HammingIndex.BANDS + HammingIndex.BANDS - 1);
    }

    /** The train photos within the radius of a signature: the nearest distance (65 for none) and the twins within D, nearest first. */
    private static Match search(HammingIndex index, Photos photos, PhotoSignature query, int maxDistance, int radius) {
        boolean[] seen = SCRATCH.get();
        if (seen.length < index.size()) {
            seen = new boolean[index.size()];
            SCRATCH.set(seen);
        }
        Map<Integer, Integer> found = new TreeMap<>();
        IntConsumer consider = entry -> {
            int photo = entry / 2;
            if (!found.containsKey(photo) && query.colourDifference(photos.signature(photo)) <= PhotoSignature.COLOUR_TOLERANCE) {
                found.put(photo, query.distance(photos.signature(photo)));
            }
        };
        index.search(query.whole(), radius, seen, consider);
        index.search(query.centre(), radius, seen, entry -> {
            if (entry % 2 == 0) {
                consider.accept(entry);
            }
        });
        int nearest = found.values().stream().mapToInt(Integer::intValue).min().orElse(65);
        int[] twins = found.entrySet().stream().filter(e -> e.getValue() <= maxDistance)
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .mapToInt(Map.Entry::getKey).toArray();
        return new Match(nearest, twins);
    }

    private static final ThreadLocal<boolean[]> SCRATCH = ThreadLocal.withInitial(() -> new boolean[0]);

    private record Match(int nearest, int[] twins) {
    }

    private static List<GlamiRow> byItem(List<GlamiRow> rows) {
        return rows.stream().sorted(Comparator.comparingLong(GlamiRow::itemId)).toList();
    }

    /** Test items linked by a shared photo, twin photos or equal texts, in groups of two or more. */
    private static List<List<Long>> duplicateGroups(List<GlamiRow> test, Photos photos, int[][] twins) {
        int[] parent = IntStream.range(0, test.size()).toArray();
        int[] firstRowOfPhoto = new int[photos.count()];
        Arrays.fill(firstRowOfPhoto, -1);
        Map<String, Integer> firstRowOfText = new HashMap<>();
        for (int r = 0; r < test.size(); r++) {
            GlamiRow row = test.get(r);
            int photo = photos.photoOf(row);
            if (photo >= 0) {
                if (firstRowOfPhoto[photo] < 0) {
                    firstRowOfPhoto[photo] = r;
                }
                union(parent, r, firstRowOfPhoto[photo]);
            }
            int first = r;
            union(parent, r, firstRowOfText.computeIfAbsent(TextKeys.nameAndDescription(row.name(), row.description()),
                    k -> first));
        }
        for (int p = 0; p < photos.count(); p++) {
            for (int twin : twins[p]) {
                if (firstRowOfPhoto[p] >= 0 && firstRowOfPhoto[twin] >= 0) {
                    union(parent, firstRowOfPhoto[p], firstRowOfPhoto[twin]);
                }
            }
        }
        Map<Integer, List<Long>> members = new HashMap<>();
        for (int r = 0; r < test.size(); r++) {
            members.computeIfAbsent(root(parent, r), k -> new ArrayList<>()).add(test.get(r).itemId());
        }
        return members.values().stream().filter(group -> group.size() > 1)
                .map(group -> group.stream().sorted().toList())
                .sorted(Comparator.comparingLong(group -> group.get(0)))
                .toList();
    }

    private static void union(int[] parent, int a, int b) {
        parent[root(parent, a)] = root(parent, b);
    }

    private static int root(int[] parent, int r) {
        while (parent[r] != r) {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }

    /** The distinct photos of a split's rows that have a signature, in first-seen order, and their rows. */
    private static final class Photos {
        private final Map<Long, Integer> photoOfImage = new HashMap<>();
        private final List<PhotoSignature> signatures = new ArrayList<>();
        private final List<List<GlamiRow>> rows = new ArrayList<>();

        Photos(List<GlamiRow> split, Map<Long, PhotoSignature> all) {
            for (GlamiRow row : split) {
                PhotoSignature signature = all.get(row.imageId());
                if (signature == null) {
                    continue;
                }
                int photo = photoOfImage.computeIfAbsent(row.imageId(), id -> {
                    signatures.add(signature);
                    rows.add(new ArrayList<>());
                    return signatures.size() - 1;
                });
                rows.get(photo).add(row);
            }
        }

        int count() {
            return signatures.size();
        }

        PhotoSignature signature(int photo) {
            return signatures.get(photo);
        }

        List<GlamiRow> rows(int photo) {
            return rows.get(photo);
        }

        int photoOf(GlamiRow row) {
            return photoOfImage.getOrDefault(row.imageId(), -1);
        }

        /** An index of every photo's whole hash (entry 2p) and centre hash (entry 2p + 1). */
        HammingIndex index() {
            long[] hashes = new long[2 * signatures.size()];
            for (int p = 0; p < signatures.size(); p++) {
                hashes[2 * p] = signatures.get(p).whole();
                hashes[2 * p + 1] = signatures.get(p).centre();
            }
            return new HammingIndex(hashes);
        }
    }
}
