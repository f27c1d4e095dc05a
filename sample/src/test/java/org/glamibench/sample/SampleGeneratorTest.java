package org.glamibench.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes small samples (300 train and 200 test rows) and checks them as files. */
class SampleGeneratorTest {

    private static final int TRAIN = 300;
    private static final int TEST = 200;
    private static final String HEADER = "item_id,image_id,geo,name,description,category,category_name,label_source";

    @TempDir
    static Path tmp;
    private static DatasetLayout oneThread;
    private static DatasetLayout threeThreads;
    private static DatasetLayout otherSeed;
    private static SampleSummary summary;
    private static Map<Split, List<String[]>> rows;

    @BeforeAll
    static void writeSamples() throws IOException {
        summary = SampleGenerator.generate(tmp.resolve("a"), new SampleOptions(TRAIN, TEST, 7, true, 1, false));
        oneThread = new DatasetLayout(summary.folder());
        threeThreads = new DatasetLayout(SampleGenerator.generate(tmp.resolve("b"),
                new SampleOptions(TRAIN, TEST, 7, true, 3, false)).folder());
        otherSeed = new DatasetLayout(SampleGenerator.generate(tmp.resolve("c"),
                new SampleOptions(TRAIN, TEST, 8, false, 1, false)).folder());
        rows = new HashMap<>();
        for (Split split : Split.values()) {
            List<String[]> records = readCsv(oneThread.csv(split));
            assertThat(records.get(0)).containsExactly(GlamiRow.COLUMNS.toArray(String[]::new));
            rows.put(split, records.subList(1, records.size()));
        }
    }

    @Test
    void writesThePublishedLayoutAndNothingElse() throws IOException {
        assertThat(summary.folder()).isEqualTo(tmp.resolve("a").resolve("GLAMI-1M-dataset"));
        assertThat(summary.trainRows()).isEqualTo(TRAIN);
        assertThat(summary.testRows()).isEqualTo(TEST);
        try (Stream<Path> children = Files.list(tmp.resolve("a"))) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly("GLAMI-1M-dataset");
        }
        try (Stream<Path> children = Files.list(oneThread.root())) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "GLAMI-1M-train.csv", "GLAMI-1M-test.csv", "images", "README.txt");
        }
        assertThat(Files.readString(oneThread.root().resolve("README.txt")))
                .contains("SYNTHETIC SAMPLE", "seed 7", "300 train rows", "200 test rows");
        assertThat(DatasetLayout.locate(tmp.resolve("a"), Map.of()).root()).isEqualTo(oneThread.root());
    }

    @Test
    void csvHasTheHeaderRowCountsAndLfLineEnds() throws IOException {
        String test = Files.readString(oneThread.csv(Split.TEST), StandardCharsets.UTF_8);
        assertThat(test).startsWith(HEADER + "\n").endsWith("\n").doesNotContain("\r");
        assertThat(test.charAt(0)).isEqualTo('i');
        assertThat(rows.get(Split.TRAIN)).hasSize(TRAIN).allSatisfy(r -> assertThat(r).hasSize(8));
        assertThat(rows.get(Split.TEST)).hasSize(TEST).allSatisfy(r -> assertThat(r).hasSize(8));
    }

    @Test
    void sameSeedGivesIdenticalBytesWhateverTheThreadCount() throws IOException {
        for (Split split : Split.values()) {
            assertThat(Files.readAllBytes(threeThreads.csv(split))).isEqualTo(Files.readAllBytes(oneThread.csv(split)));
        }
        List<Path> images = list(oneThread.imagesDir());
        assertThat(list(threeThreads.imagesDir()).stream().map(Path::getFileName).toList())
                .isEqualTo(images.stream().map(Path::getFileName).toList());
        for (Path image : images) {
            assertThat(Files.readAllBytes(threeThreads.imagesDir().resolve(image.getFileName())))
                    .as(image.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(image));
        }
        assertThat(Files.readString(threeThreads.root().resolve("README.txt")))
                .isEqualTo(Files.readString(oneThread.root().resolve("README.txt")));
    }

    @Test
    void anotherSeedGivesOtherRows() throws IOException {
        for (Split split : Split.values()) {
            List<String[]> other = readCsv(otherSeed.csv(split));
            assertThat(other).hasSize(rows.get(split).size() + 1);
            assertThat(Files.readString(otherSeed.csv(split))).isNotEqualTo(Files.readString(oneThread.csv(split)));
        }
    }

    @Test
    void geosHaveThePublishedShares() {
        // Largest remainder after 1 row per geo, computed independently; Geo order cz sk ro gr si hu hr es lt lv tr ee bg.
        assertThat(countsByGeo(Split.TEST)).containsExactly(20, 32, 5, 7, 11, 14, 14, 7, 30, 8, 18, 15, 19);
        assertThat(countsByGeo(Split.TRAIN)).containsExactly(37, 55, 15, 15, 13, 20, 18, 7, 41, 7, 33, 14, 25);
    }

    @Test
    void labelSourcesHaveThePublishedShares() {
        assertThat(count(Split.TRAIN, 7)).containsExactlyInAnyOrderEntriesOf(
                Map.of("custom-tag", 122L, "admin", 103L, "", 73L, "combined-tag", 2L));
        assertThat(count(Split.TEST, 7)).containsExactlyInAnyOrderEntriesOf(Map.of("custom-tag", 109L, "admin", 91L));
    }

    @Test
    void everyCategoryIsInBothSplitsWithItsCatalogIdAndName() {
        Map<String, String> catalog = SampleCatalog.get().categories().stream()
                .collect(Collectors.toMap(c -> Integer.toString(c.id()), SampleCategory::name));
        for (Split split : Split.values()) {
            Map<String, String> seen = new HashMap<>();
            rows.get(split).forEach(r -> seen.put(r[5], r[6]));
            assertThat(seen).isEqualTo(catalog);
        }
    }

    @Test
    void itemIdsAreUniqueAcrossSplitsAndNotInFileOrder() {
        List<Long> train = column(Split.TRAIN, 0);
        List<Long> test = column(Split.TEST, 0);
        Set<Long> all = new HashSet<>(train);
        all.addAll(test);
        assertThat(all).hasSize(TRAIN + TEST);
        assertThat(train).isNotEqualTo(train.stream().sorted().toList());
        assertThat(test).isNotEqualTo(test.stream().sorted().toList());
    }

    @Test
    void imageIdsAreDisjointBetweenSplitsAndEachHasItsFile() throws IOException {
        Set<Long> train = new HashSet<>(column(Split.TRAIN, 1));
        Set<Long> test = new HashSet<>(column(Split.TEST, 1));
        assertThat(train).doesNotContainAnyElementsOf(test);
        Set<String> expected = new HashSet<>();
        train.forEach(id -> expected.add(id + ".jpg"));
        test.forEach(id -> expected.add(id + ".jpg"));
        assertThat(list(oneThread.imagesDir()).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(summary.images()).isEqualTo(expected.size());
    }

    @Test
    void sharedImagesAreOneProductListedInSeveralGeos() {
        for (Split split : Split.values()) {
            Map<String, List<String[]>> byImage = rows.get(split).stream().collect(Collectors.groupingBy(r -> r[1]));
            List<List<String[]>> shared = byImage.values().stream().filter(l -> l.size() > 1).toList();
            assertThat(shared).as(split + " images listed more than once").isNotEmpty();
            for (List<String[]> listings : shared) {
                assertThat(listings.stream().map(r -> r[2]).distinct()).hasSize(listings.size());
                assertThat(listings.stream().map(r -> r[5]).distinct()).hasSize(1);
            }
        }
    }

    @Test
    void imagesAreRgbJpegsOfThePublishedSize() throws IOException {
        for (Path file : list(oneThread.imagesDir()).subList(0, 20)) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes[0] & 0xff).isEqualTo(0xff);
            assertThat(bytes[1] & 0xff).isEqualTo(0xd8);
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(228);
            assertThat(image.getHeight()).isEqualTo(298);
            assertThat(image.getColorModel().getColorSpace().getType()).isEqualTo(ColorSpace.TYPE_RGB);
            assertThat(image.getRaster().getNumBands()).isEqualTo(3);
        }
    }

    @Test
    void textsNeedQuotingAndRoundTripThroughACsvParser() throws IOException {
        List<String[]> all = new ArrayList<>(rows.get(Split.TRAIN));
        all.addAll(rows.get(Split.TEST));
        List<String> texts = all.stream().flatMap(r -> Stream.of(r[3], r[4])).toList();
        assertThat(texts).anyMatch(t -> t.contains(","));
        assertThat(texts).anyMatch(t -> t.contains("\""));
        assertThat(texts).anyMatch(t -> t.contains("\n"));
        assertThat(all).allSatisfy(r -> assertThat(r[3]).isNotBlank().isEqualTo(r[3].strip()));
        long empty = all.stream().filter(r -> r[4].isEmpty()).count();
        assertThat(empty).isBetween(all.size() * 25L / 100, all.size() * 45L / 100);
        for (Split split : Split.values()) {
            StringWriter rewritten = new StringWriter();
            PandasCsvWriter writer = new PandasCsvWriter(rewritten);
            for (String[] record : readCsv(oneThread.csv(split))) {
                writer.writeRow(record);
            }
            assertThat(rewritten.toString()).isEqualTo(Files.readString(oneThread.csv(split), StandardCharsets.UTF_8));
        }
    }

    @Test
    void testLabelSourceIsNeverEmpty() {
        assertThat(rows.get(Split.TEST)).allSatisfy(r -> assertThat(r[7]).isNotEmpty());
        assertThat(rows.get(Split.TRAIN)).anySatisfy(r -> assertThat(r[7]).isEmpty());
    }

    @Test
    void eachLanguageIsWrittenInItsScript() {
        Map<String, StringBuilder> text = new TreeMap<>();
        for (Split split : Split.values()) {
            rows.get(split).forEach(r -> text.computeIfAbsent(r[2], g -> new StringBuilder()).append(r[3]).append(r[4]));
        }
        assertThat(text.keySet()).hasSize(13);
        assertThat(text.get("gr").codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK).count())
                .isGreaterThan(100);
        assertThat(text.get("bg").codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC).count())
                .isGreaterThan(100);
        for (Map.Entry<String, StringBuilder> entry : text.entrySet()) {
            String other = entry.getKey().equals("gr") ? "CYRILLIC" : entry.getKey().equals("bg") ? "GREEK" : "";
            if (!other.isEmpty()) {
                assertThat(entry.getValue().codePoints().noneMatch(c -> Character.UnicodeScript.of(c).name().equals(other)))
                        .as(entry.getKey()).isTrue();
            }
        }
        assertThat(text.get("cz")).containsAnyOf("č", "ř", "š", "ž", "ů", "ě");
        assertThat(text.get("tr")).containsAnyOf("ç", "ğ", "ı", "ş");
        assertThat(text.get("lv")).containsAnyOf("ā", "ē", "ģ", "ī", "ķ", "ļ", "ņ", "ū");
    }

    @Test
    void noImagesWritesCsvsOnly() throws IOException {
        assertThat(otherSeed.imagesDir()).doesNotExist();
        assertThat(otherSeed.csv(Split.TRAIN)).isRegularFile();
        assertThat(otherSeed.csv(Split.TEST)).isRegularFile();
        assertThat(Files.readString(otherSeed.root().resolve("README.txt"))).contains("images: no");
    }

    @Test
    void refusesToReplaceADatasetUnlessForced() throws IOException {
        Path out = tmp.resolve("force");
        SampleOptions first = new SampleOptions(20, 10, 1, false, 1, false);
        SampleGenerator.generate(out, first);
        byte[] before = Files.readAllBytes(out.resolve("GLAMI-1M-dataset/GLAMI-1M-test.csv"));
        assertThatThrownBy(() -> SampleGenerator.generate(out, new SampleOptions(20, 10, 2, false, 1, false)))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("--force");
        assertThat(out.resolve("GLAMI-1M-dataset/GLAMI-1M-test.csv")).hasBinaryContent(before);

        SampleGenerator.generate(out, new SampleOptions(20, 10, 2, false, 1, true));
        assertThat(Files.readAllBytes(out.resolve("GLAMI-1M-dataset/GLAMI-1M-test.csv"))).isNotEqualTo(before);
        try (Stream<Path> children = Files.list(out)) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly("GLAMI-1M-dataset");
        }
    }

    private static List<String[]> readCsv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static List<Long> column(Split split, int index) {
        return rows.get(split).stream().map(r -> Long.parseLong(r[index])).toList();
    }

    private static Map<String, Long> count(Split split, int index) {
        return rows.get(split).stream().collect(Collectors.groupingBy(r -> r[index], Collectors.counting()));
    }

    private static int[] countsByGeo(Split split) {
        Map<String, Long> counts = count(split, 2);
        return Arrays.stream(Geo.values()).mapToInt(g -> counts.getOrDefault(g.code(), 0L).intValue()).toArray();
    }
}
