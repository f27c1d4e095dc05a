package org.glamibench.sample;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Test items made twins of train items ({@code sample --plant-twins N}), so that a leakage
 * detector can be measured: a photo twin's photo is a re-encoded (JPEG quality 60-95), resized
 * (90-110%) or cropped (5% of width and height, at a random place, then re-encoded) copy of a train
 * item's photo and takes that item's category; a text twin copies a train item's name and
 * description, language and category; a name twin copies the name only. Kinds take turns in that
 * order ({@link Kind}). Only test items whose photo no other test item shows are chosen, so a
 * planted photo makes exactly one twin.
 *
 * <p>Planting changes the test plan (categories, geos) before anything is written; the list of
 * planted pairs goes to {@value #FILE} in the dataset folder.
 */
final class PlantedTwins {

    /** The list of planted pairs, written beside the split CSVs. */
    static final String FILE = "PLANTED-TWINS.csv";

    /** How a test item copies its train twin, with its name in {@value #FILE}. */
    enum Kind {
        PHOTO_REENCODE("photo-reencode"),
        PHOTO_RESIZE("photo-resize"),
        PHOTO_CROP("photo-crop"),
        TEXT("text"),
        NAME("name");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean photo() {
            return this == PHOTO_REENCODE || this == PHOTO_RESIZE || this == PHOTO_CROP;
        }
    }

    /** Share of width and height a photo-crop twin loses. */
    static final double CROP = 0.05;

    private final Kind[] kindOfRow;
    private final int[] sourceOfRow;
    /** Test product (photo) to the planted test row that shows it, for photo kinds. */
    private final Map<Integer, Integer> rowOfPhoto = new HashMap<>();

    private PlantedTwins(int testRows) {
        kindOfRow = new Kind[testRows];
        sourceOfRow = new int[testRows];
    }

    /**
     * Plants {@code count} twins into {@code test}, changing its categories and geos as the twins
     * require.
     *
     * @throws IllegalArgumentException when fewer than {@code count} test items have a photo of their own
     */
    static PlantedTwins plant(SplitPlan train, SplitPlan test, int count, long seed) {
        PlantedTwins twins = new PlantedTwins(test.rows);
        int[] listings = new int[test.productCount];
        for (int r = 0; r < test.rows; r++) {
            listings[test.product[r]]++;
        }
        int[] candidates = new int[test.rows];
        int size = 0;
        for (int r = 0; r < test.rows; r++) {
            if (listings[test.product[r]] == 1) {
                candidates[size++] = r;
            }
        }
        if (count > size) {
            throw new IllegalArgumentException("--plant-twins " + count + ": only " + size
                    + " test items have a photo of their own (plant at most that many)");
        }
        int[] chosen = Arrays.copyOf(candidates, size);
        SplittableRandom random = Seeds.random(seed, Seeds.PLANTED_TWINS);
        Seeds.shuffle(chosen, random);
        Kind[] kinds = Kind.values();
        for (int k = 0; k < count; k++) {
            int r = chosen[k];
            int source = random.nextInt(train.rows);
            Kind kind = kinds[k % kinds.length];
            twins.kindOfRow[r] = kind;
            twins.sourceOfRow[r] = source;
            int photo = test.product[r];
            if (kind.photo()) {
                short shown = train.productCategory[train.product[source]];
                test.label[r] = shown;
                test.content[r] = shown;
                test.productCategory[photo] = shown;
                twins.rowOfPhoto.put(photo, r);
            } else if (kind == Kind.TEXT) {
                test.label[r] = train.label[source];
                test.content[r] = train.content[source];
                test.productCategory[photo] = train.content[source];
                test.geo[r] = train.geo[source];
            }
        }
        return twins;
    }

    /** How test plan row {@code r} was planted, or null. */
    Kind kind(int r) {
        return kindOfRow[r];
    }

    /** The train plan row that test plan row {@code r} copies; meaningful when {@link #kind} is not null. */
    int source(int r) {
        return sourceOfRow[r];
    }

    /** The planted test row whose photo is test product {@code photo}, or -1 when it is not planted. */
    int rowOfPhoto(int photo) {
        return rowOfPhoto.getOrDefault(photo, -1);
    }

    /**
     * The planted copy of a train photo: decoded from {@code trainJpeg}, resized or cropped as
     * {@code kind} says, and re-encoded at a quality of 60-95, all drawn from {@code random}.
     */
    static byte[] copy(byte[] trainJpeg, Kind kind, SplittableRandom random, ProductPainter painter) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(trainJpeg));
        float quality = (float) (0.60 + 0.35 * random.nextDouble());
        BufferedImage changed = switch (kind) {
            case PHOTO_REENCODE -> image;
            case PHOTO_RESIZE -> {
                double factor = 0.90 + 0.20 * random.nextDouble();
                int width = (int) Math.round(image.getWidth() * factor);
                int height = (int) Math.round(image.getHeight() * factor);
                BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = resized.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, width, height, null);
                g.dispose();
                yield resized;
            }
            case PHOTO_CROP -> {
                int width = (int) Math.round(image.getWidth() * (1 - CROP));
                int height = (int) Math.round(image.getHeight() * (1 - CROP));
                int x = random.nextInt(image.getWidth() - width + 1);
                int y = random.nextInt(image.getHeight() - height + 1);
                BufferedImage cropped = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = cropped.createGraphics();
                g.drawImage(image.getSubimage(x, y, width, height), 0, 0, null);
                g.dispose();
                yield cropped;
            }
            default -> throw new IllegalArgumentException(kind + " is not a photo twin");
        };
        return painter.encode(changed, quality);
    }

    /** Writes {@value #FILE}: {@code test_item_id,train_item_id,kind}, one row per planted pair, in test file order. */
    void write(Path folder, SplitPlan test, int[] itemIds, int testItemOffset) throws IOException {
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(folder.resolve(FILE)), StandardCharsets.UTF_8))) {
            PandasCsvWriter csv = new PandasCsvWriter(out);
            csv.writeRow("test_item_id", "train_item_id", "kind");
            for (int line = 0; line < test.rows; line++) {
                int r = test.fileOrder[line];
                if (kindOfRow[r] != null) {
                    csv.writeRow(Integer.toString(itemIds[testItemOffset + r]), Integer.toString(itemIds[sourceOfRow[r]]),
                            kindOfRow[r].label);
                }
            }
        }
    }
}
