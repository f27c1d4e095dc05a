package org.glamibench.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.image.TestImages;

/**
 * A tiny GLAMI-1M dataset written by hand for evaluation tests: seven classes, a train split of
 * 100 rows whose largest class is 22 (30 rows), and a test split of rows made with
 * {@link #item}, whose names tell the scripted test adapters what to guess and how to break.
 */
public final class TestDataset {
    /** The classes: category id to name. */
    public static final Map<Integer, String> CLASSES = new TreeMap<>(Map.of(
            11, "womens-dresses", 22, "mens-shoes", 33, "hats", 44, "bags", 55, "socks", 66, "coats", 77, "belts"));
    /** The categories in class index order. */
    public static final List<Integer> CATEGORIES = List.of(11, 22, 33, 44, 55, 66, 77);
    /** Train rows per category, in {@link #CATEGORIES} order: 100 rows, 22 the largest class. */
    private static final int[] TRAIN_COUNTS = {12, 30, 9, 15, 6, 20, 8};

    private static final String HEADER = "item_id,image_id,geo,name,description,category,category_name,label_source\n";

    private TestDataset() {
    }

    /**
     * A test item: image id is the item id plus 100,000; the name is
     * {@code item <id> guess=<guess>} and, when {@code brk} is not empty, {@code break=<brk>}.
     */
    public static GlamiRow item(long itemId, Geo geo, int category, int guess, String brk) {
        String name = "item " + itemId + " guess=" + guess + (brk.isEmpty() ? "" : " break=" + brk);
        return new GlamiRow(itemId, itemId + 100_000, geo, name, "a description, with a comma", category,
                CLASSES.get(category), "admin");
    }

    /**
     * {@code size} test items with ids from 1001, geos cz, sk, ro, gr in turn, categories in turn,
     * the guess right except at every third position (2, 5, 8, ...) where it is the next category.
     * No item breaks anything.
     */
    public static List<GlamiRow> items(int size) {
        Geo[] geos = {Geo.CZ, Geo.SK, Geo.RO, Geo.GR};
        List<GlamiRow> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int category = CATEGORIES.get(i % CATEGORIES.size());
            int guess = i % 3 == 2 ? CATEGORIES.get((i + 1) % CATEGORIES.size()) : category;
            rows.add(item(1001 + i, geos[i % geos.length], category, guess, ""));
        }
        return rows;
    }

    /** The same row breaking the contract in the given way. */
    public static GlamiRow breaking(GlamiRow row, String brk) {
        int guess = Integer.parseInt(row.name().replaceAll(".*guess=(\\d+).*", "$1"));
        return item(row.itemId(), row.geo(), row.category(), guess, brk);
    }

    /** The train split: {@link #TRAIN_COUNTS} rows per class, ids from 1, geos cz and sk. */
    public static List<GlamiRow> trainRows() {
        List<GlamiRow> rows = new ArrayList<>();
        long id = 1;
        for (int c = 0; c < CATEGORIES.size(); c++) {
            for (int k = 0; k < TRAIN_COUNTS[c]; k++, id++) {
                rows.add(new GlamiRow(id, id, id % 2 == 0 ? Geo.CZ : Geo.SK, "train " + id, "", CATEGORIES.get(c),
                        CLASSES.get(CATEGORIES.get(c)), "admin"));
            }
        }
        return rows;
    }

    /**
     * Writes {@code root/GLAMI-1M-dataset/} with the train split and the given test rows, no images.
     *
     * @return the dataset folder
     */
    public static Path write(Path root, List<GlamiRow> test) {
        Path folder = root.resolve(DatasetLayout.FOLDER_NAME);
        try {
            Files.createDirectories(folder);
            writeCsv(folder.resolve("GLAMI-1M-train.csv"), trainRows());
            writeCsv(folder.resolve("GLAMI-1M-test.csv"), test);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** Writes a valid 228x298 JPEG for each row into the dataset's images folder. */
    public static void writeImages(Path dataset, List<GlamiRow> rows) {
        byte[] jpeg = TestImages.glamiJpeg();
        DatasetLayout layout = new DatasetLayout(dataset);
        try {
            Files.createDirectories(layout.imagesDir());
            for (GlamiRow row : rows) {
                Files.write(layout.image(row.imageId()), jpeg);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCsv(Path file, List<GlamiRow> rows) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (GlamiRow row : rows) {
            csv.append(row.itemId()).append(',').append(row.imageId()).append(',').append(row.geo().code()).append(',')
                    .append(quoted(row.name())).append(',').append(quoted(row.description())).append(',')
                    .append(row.category()).append(',').append(row.categoryName()).append(',')
                    .append(row.labelSource()).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
