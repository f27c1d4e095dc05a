package org.glamibench.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.leakage.ImageHashCache;
import org.glamibench.leakage.LeakageFinder;
import org.glamibench.leakage.LeakageResult;
import org.glamibench.leakage.PhotoHasher;
import org.glamibench.leakage.TextKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leakage detector against twins planted on purpose: on a {@code --distinct-photos} sample
 * (4,000 train, 1,500 test items, seed 3) with 300 planted twins (60 of each kind), the default
 * search finds at least 95% of the photo twins (179 of 180) and all text and name twins, and gives
 * fewer than 0.1% of the other test photos a twin (none of 1,320), and flags fewer than 0.1% of the
 * unplanted test items (1 of 1,200, whose text the generator happened to write twice). Counted from
 * the generator's list of planted pairs, independently of the detector.
 */
class PlantedTwinsDetectionTest {
    private static final int PLANTED = 300;

    @TempDir
    static Path tmp;
    private static Map<Long, String> kindOfItem;
    private static Map<Long, Long> sourceOfItem;
    private static LeakageResult result;

    @BeforeAll
    static void findTwins() throws IOException, InterruptedException {
        SampleSummary summary = SampleGenerator.generate(tmp, new SampleOptions(4000, 1500, 3, true, 2, false, true, PLANTED));
        DatasetLayout layout = new DatasetLayout(summary.folder());
        kindOfItem = new HashMap<>();
        sourceOfItem = new HashMap<>();
        List<String> planted = Files.readAllLines(layout.root().resolve(PlantedTwins.FILE));
        assertThat(planted.get(0)).isEqualTo("test_item_id,train_item_id,kind");
        for (String line : planted.subList(1, planted.size())) {
            String[] fields = line.split(",", -1);
            kindOfItem.put(Long.parseLong(fields[0]), fields[2]);
            sourceOfItem.put(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
        }
        List<GlamiRow> train = rows(layout, Split.TRAIN);
        List<GlamiRow> test = rows(layout, Split.TEST);
        List<Long> images = Stream.concat(train.stream(), test.stream()).map(GlamiRow::imageId).distinct().toList();
        PhotoHasher.Signatures signatures = PhotoHasher.hash(layout, images,
                ImageHashCache.open(tmp.resolve("cache.bin")), 2, () -> { });
        assertThat(signatures.unreadable()).isZero();
        result = LeakageFinder.find(train, test, signatures.signatures(), LeakageFinder.DEFAULT_MAX_DISTANCE, "m",
                () -> { });
    }

    @Test
    void plantsSixtyTwinsOfEachKind() {
        Map<String, Integer> perKind = new HashMap<>();
        kindOfItem.values().forEach(kind -> perKind.merge(kind, 1, Integer::sum));
        assertThat(perKind).containsOnly(Map.entry("photo-reencode", 60), Map.entry("photo-resize", 60),
                Map.entry("photo-crop", 60), Map.entry("text", 60), Map.entry("name", 60));
    }

    @Test
    void findsAtLeastNinetyFivePercentOfThePhotoTwinsAndEveryTextTwin() {
        int photos = 0;
        int photosFound = 0;
        List<String> missed = new ArrayList<>();
        for (LeakageResult.Item item : result.items()) {
            long id = item.row().itemId();
            String kind = kindOfItem.get(id);
            if (kind == null) {
                continue;
            }
            long source = sourceOfItem.get(id);
            if (kind.startsWith("photo-")) {
                photos++;
                if (item.photoTwins().stream().anyMatch(t -> t.itemId() == source)) {
                    photosFound++;
                } else {
                    missed.add(id + " " + kind + " nearest " + item.nearestTrainDistance());
                }
            } else if (kind.equals("text")) {
                assertThat(item.textTwins()).as("text twin of item " + id).anyMatch(t -> t.itemId() == source);
            } else {
                assertThat(item.textTwins().isEmpty() ? item.nameTwins() : item.textTwins())
                        .as("name twin of item " + id).anyMatch(t -> t.itemId() == source);
            }
        }
        assertThat(photos).isEqualTo(180);
        assertThat(missed).as("photo twins missed").hasSize(1);
        assertThat(photosFound).isEqualTo(179);
        assertThat((double) photosFound / photos).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void givesFewerThanOneInAThousandOfTheOtherTestPhotosATwin() {
        List<LeakageResult.Item> others = result.items().stream()
                .filter(i -> !kindOfItem.getOrDefault(i.row().itemId(), "none").startsWith("photo-")).toList();
        List<Long> flagged = others.stream().filter(i -> !i.photoTwins().isEmpty()).map(i -> i.row().itemId()).toList();
        assertThat(others).hasSize(1320);
        assertThat(flagged).as("test items with a photo twin that was not planted").hasSizeLessThan(2);
        assertThat((double) flagged.size() / others.size()).isLessThan(0.001);
    }

    @Test
    void flagsFewerThanOneInAThousandOfTheUnplantedTestItems() {
        List<LeakageResult.Item> unplanted = result.items().stream()
                .filter(i -> !kindOfItem.containsKey(i.row().itemId())).toList();
        List<LeakageResult.Item> flagged = unplanted.stream().filter(LeakageResult.Item::leaked).toList();
        assertThat(unplanted).hasSize(1200);
        assertThat(flagged).hasSize(1);
        assertThat((double) flagged.size() / unplanted.size()).isLessThan(0.001);
        // The one is no error of the detector: the generator wrote the same short name, and no
        // description, for a train item too.
        LeakageResult.Item item = flagged.get(0);
        assertThat(item.photoTwins()).isEmpty();
        assertThat(item.row().description()).isEmpty();
        for (GlamiRow twin : item.textTwins()) {
            assertThat(TextKeys.nameAndDescription(twin.name(), twin.description()))
                    .isEqualTo(TextKeys.nameAndDescription(item.row().name(), item.row().description()));
        }
    }

    private static List<GlamiRow> rows(DatasetLayout layout, Split split) {
        List<GlamiRow> rows = new ArrayList<>();
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(split), GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
