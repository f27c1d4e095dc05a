package org.glamibench.sample;

import java.util.SplittableRandom;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.Split;

/**
 * Everything about one split of the sample except the texts and pixels: per row its label,
 * the category its text and image really show, geo, label source and product (photo), and the
 * order in which rows are written. Rows are numbered in "plan order" (grouped by label); the file
 * order is a seeded shuffle of it. Takes about 16 bytes per row.
 *
 * <p>Counts are exact: categories, geos and label sources get their shares of the split by
 * largest remainder, after a minimum of {@value #MIN_TRAIN_ROWS} (train) or {@value #MIN_TEST_ROWS}
 * (test) rows per category and 1 per geo (see {@link Apportionment#counts}).
 */
final class SplitPlan {

    static final int MIN_TRAIN_ROWS = 5;
    static final int MIN_TEST_ROWS = 2;
    /** Share of rule-based train rows whose label belongs to a related category. */
    static final double P_LABEL_NOISE = 0.25;
    /** Chance that a product is listed in 2 and in 3 geos (as far as the split allows). */
    static final double P_TWO_LISTINGS = 0.12;
    static final double P_THREE_LISTINGS = 0.04;

    final Split split;
    final int rows;
    /** Category index (into the catalog) of each row's label. */
    final short[] label;
    /** Category index of what the row's text and image show; differs from label for noisy rows. */
    final short[] content;
    final byte[] geo;
    final byte[] source;
    /** Product (photo) index of each row, 0..productCount-1. */
    final int[] product;
    final int productCount;
    /** Category index of what each product's photo shows. */
    final short[] productCategory;
    /** Plan row written at each line of the CSV. */
    final int[] fileOrder;

    private SplitPlan(Split split, int rows, short[] label, short[] content, byte[] geo, byte[] source,
                      int[] product, int productCount, short[] productCategory, int[] fileOrder) {
        this.split = split;
        this.rows = rows;
        this.label = label;
        this.content = content;
        this.geo = geo;
        this.source = source;
        this.product = product;
        this.productCount = productCount;
        this.productCategory = productCategory;
        this.fileOrder = fileOrder;
    }

    static SplitPlan build(SampleCatalog catalog, Split split, int rows, long seed) {
        long s = split.ordinal();
        int[] categoryCounts = Apportionment.counts(rows, catalog.weights(split),
                split == Split.TRAIN ? MIN_TRAIN_ROWS : MIN_TEST_ROWS);
        short[] label = new short[rows];
        int at = 0;
        for (int c = 0; c < categoryCounts.length; c++) {
            for (int k = 0; k < categoryCounts[c]; k++) {
                label[at++] = (short) c;
            }
        }
        byte[] geo = spread(rows, geoWeights(split), 1, Seeds.random(seed, Seeds.GEO_PLAN, s));
        byte[] source = spread(rows, LabelSource.weights(split), 0, Seeds.random(seed, Seeds.SOURCE_PLAN, s));

        short[] content = label.clone();
        SplittableRandom noise = Seeds.random(seed, Seeds.LABEL_NOISE, s);
        LabelSource[] sources = LabelSource.values();
        for (int r = 0; r < rows; r++) {
            if (sources[source[r]].ruleBased() && noise.nextDouble() < P_LABEL_NOISE) {
                int[] related = catalog.related(label[r]);
                content[r] = (short) related[noise.nextInt(related.length)];
            }
        }

        int[] product = new int[rows];
        short[] productCategory = new short[rows];
        int products = 0;
        SplittableRandom groups = Seeds.random(seed, Seeds.PRODUCT_GROUPS, s);
        for (int r = 0; r < rows; ) {
            int first = r;
            product[r] = products;
            productCategory[products] = content[r];
            r++;
            if (content[first] == label[first]) {
                double u = groups.nextDouble();
                int listings = u < P_THREE_LISTINGS ? 3 : u < P_THREE_LISTINGS + P_TWO_LISTINGS ? 2 : 1;
                while (r - first < listings && r < rows && label[r] == label[first]
                        && content[r] == label[r] && !geoTaken(geo, first, r)) {
                    product[r++] = products;
                }
            }
            products++;
        }
        int[] fileOrder = new int[rows];
        for (int r = 0; r < rows; r++) {
            fileOrder[r] = r;
        }
        Seeds.shuffle(fileOrder, Seeds.random(seed, Seeds.FILE_ORDER, s));
        return new SplitPlan(split, rows, label, content, geo, source, product, products,
                java.util.Arrays.copyOf(productCategory, products), fileOrder);
    }

    /** Whether rows first..candidate-1 already use the geo of row candidate. */
    private static boolean geoTaken(byte[] geo, int first, int candidate) {
        for (int r = first; r < candidate; r++) {
            if (geo[r] == geo[candidate]) {
                return true;
            }
        }
        return false;
    }

    /** Exact counts by weight, laid out and shuffled. */
    private static byte[] spread(int rows, double[] weights, int minimum, SplittableRandom random) {
        int[] counts = Apportionment.counts(rows, weights, minimum);
        byte[] values = new byte[rows];
        int at = 0;
        for (int v = 0; v < counts.length; v++) {
            for (int k = 0; k < counts[v]; k++) {
                values[at++] = (byte) v;
            }
        }
        Seeds.shuffle(values, random);
        return values;
    }

    /** Geo weights: published test rows for test, train shares for train, in {@link Geo} order. */
    static double[] geoWeights(Split split) {
        Geo[] geos = Geo.values();
        double[] weights = new double[geos.length];
        for (int i = 0; i < geos.length; i++) {
            weights[i] = split == Split.TRAIN ? geos[i].trainSharePercent() : geos[i].publishedTestRows();
        }
        return weights;
    }
}
