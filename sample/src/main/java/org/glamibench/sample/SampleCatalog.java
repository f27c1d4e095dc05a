package org.glamibench.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glamibench.dataset.Split;

/**
 * The sample's 191 categories and 100 products, read from {@code categories.tsv} and
 * {@code products.tsv} next to this class.
 *
 * <p>The category names include every real GLAMI-1M name that has been published (the 10 largest,
 * the 10 smallest and eight others) and, for the rest, plausible fashion slugs. Ids 6, 53403 and
 * 86531 are the real ids of their categories; the others are fixed, non-contiguous ids in
 * 1..99999. Weights: the published train/test counts of the 10 largest and 10 smallest categories;
 * between them the weights fall about exponentially with the category's rank, from the 10th
 * largest to the 10th smallest, such that the weights add up to the published split sizes, so the
 * sample has the real long tail.
 */
public final class SampleCatalog {

    /** Number of categories, as in GLAMI-1M. */
    public static final int CATEGORY_COUNT = 191;
    /** Rows of the published train split; the train weights add up to it. */
    static final int PUBLISHED_TRAIN_ROWS = 1_000_000;
    /** Rows of the published test split; the test weights add up to it. */
    static final int PUBLISHED_TEST_ROWS = 116_004;

    private static final SampleCatalog INSTANCE = load();

    private final List<SampleCategory> categories;
    private final List<SampleProduct> products;
    private final int[][] related;

    private SampleCatalog(List<SampleCategory> categories, List<SampleProduct> products) {
        this.categories = List.copyOf(categories);
        this.products = List.copyOf(products);
        this.related = relatedCategories(this.categories);
    }

    /** The catalog; the same for every seed and size. */
    public static SampleCatalog get() {
        return INSTANCE;
    }

    /** The 191 categories, largest first. */
    public List<SampleCategory> categories() {
        return categories;
    }

    /** The 100 products, in file order. */
    public List<SampleProduct> products() {
        return products;
    }

    /** Category weights of a split, in {@link #categories()} order. */
    public double[] weights(Split split) {
        return categories.stream()
                .mapToDouble(c -> split == Split.TRAIN ? c.trainWeight() : c.testWeight())
                .toArray();
    }

    /**
     * Indexes (into {@link #categories()}) of the categories a rule-based label confuses with the
     * category at {@code index}: the same product for another audience, or the same audience and
     * silhouette (e.g. {@code mens-sneakers} with {@code womens-sneakers} and
     * {@code mens-sport-shoes}); where there are none, the categories of the same silhouette.
     * Never empty.
     */
    public int[] related(int index) {
        return related[index].clone();
    }

    private static int[][] relatedCategories(List<SampleCategory> categories) {
        int[][] result = new int[categories.size()][];
        for (int i = 0; i < categories.size(); i++) {
            SampleCategory a = categories.get(i);
            List<Integer> list = new ArrayList<>();
            for (int j = 0; j < categories.size(); j++) {
                SampleCategory b = categories.get(j);
                boolean sameProduct = a.product().equals(b.product());
                boolean sameLook = a.audience() == b.audience()
                        && a.product().silhouette() == b.product().silhouette();
                if (i != j && (sameProduct || sameLook)) {
                    list.add(j);
                }
            }
            if (list.isEmpty()) {
                for (int j = 0; j < categories.size(); j++) {
                    if (i != j && categories.get(j).product().silhouette() == a.product().silhouette()) {
                        list.add(j);
                    }
                }
            }
            if (list.isEmpty()) {
                throw new IllegalStateException("category " + a.name() + " has no related category");
            }
            result[i] = list.stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    private static SampleCatalog load() {
        Map<String, SampleProduct> products = new LinkedHashMap<>();
        Set<String> visualCodes = new HashSet<>();
        for (String[] cells : readTsv("products.tsv", 4)) {
            SampleProduct product = new SampleProduct(cells[0], Silhouette.valueOf(cells[1]),
                    FillPattern.valueOf(cells[2]), Arrays.asList(cells[3].split(" ")));
            if (products.put(product.key(), product) != null) {
                throw new IllegalStateException("products.tsv: duplicate product " + product.key());
            }
            if (!visualCodes.add(product.silhouette() + "/" + product.pattern())) {
                throw new IllegalStateException("products.tsv: " + product.key() + " repeats a visual code");
            }
        }
        List<String[]> rows = readTsv("categories.tsv", 5);
        if (rows.size() != CATEGORY_COUNT) {
            throw new IllegalStateException("categories.tsv: " + rows.size() + " categories, expected " + CATEGORY_COUNT);
        }
        double[][] weights = interpolatedWeights(rows);
        List<SampleCategory> categories = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i);
            SampleProduct product = products.get(cells[2]);
            if (product == null) {
                throw new IllegalStateException("categories.tsv: unknown product " + cells[2]);
            }
            SampleCategory category = new SampleCategory(Integer.parseInt(cells[0]), cells[1],
                    Audience.ofSlug(cells[1]), product, weights[i][0], weights[i][1]);
            if (!ids.add(category.id()) || !names.add(category.name())) {
                throw new IllegalStateException("categories.tsv: duplicate " + category);
            }
            categories.add(category);
        }
        Set<SampleProduct> used = new HashSet<>();
        categories.forEach(c -> used.add(c.product()));
        if (used.size() != products.size()) {
            throw new IllegalStateException("products.tsv lists products no category uses");
        }
        return new SampleCatalog(categories, new ArrayList<>(products.values()));
    }

    /**
     * Train and test weight per row: the given (published) counts where present; in each gap
     * between given ranks i0 and i1, {@code w0 * (w1 / w0)^((k / n)^gamma)} for the k-th of
     * {@code n = i1 - i0} steps, an exponential decay in rank bent by one exponent {@code gamma}
     * (about 0.82), chosen by bisection so that all train weights add up to the published
     * 1,000,000 rows. Test weights in the gaps are the train weights scaled so that all test
     * weights add up to the published 116,004 rows. So a 1,000,000-row sample has about the
     * published counts for the categories whose counts are published.
     */
    private static double[][] interpolatedWeights(List<String[]> rows) {
        int n = rows.size();
        double[][] weights = new double[n][2];
        boolean[] given = new boolean[n];
        double givenTrain = 0;
        double givenTest = 0;
        for (int i = 0; i < n; i++) {
            if (!rows.get(i)[3].isEmpty()) {
                given[i] = true;
                weights[i][0] = Double.parseDouble(rows.get(i)[3]);
                weights[i][1] = Double.parseDouble(rows.get(i)[4]);
                givenTrain += weights[i][0];
                givenTest += weights[i][1];
            }
        }
        if (!given[0] || !given[n - 1]) {
            throw new IllegalStateException("categories.tsv: first and last category need weights");
        }
        double low = 0.05;
        double high = 20;
        for (int step = 0; step < 100; step++) {
            double gamma = (low + high) / 2;
            if (givenTrain + fillGaps(weights, given, gamma) < PUBLISHED_TRAIN_ROWS) {
                low = gamma;
            } else {
                high = gamma;
            }
        }
        double interpolatedTrain = fillGaps(weights, given, (low + high) / 2);
        double testPerTrain = (PUBLISHED_TEST_ROWS - givenTest) / interpolatedTrain;
        for (int i = 0; i < n; i++) {
            if (!given[i]) {
                weights[i][1] = weights[i][0] * testPerTrain;
            }
        }
        return weights;
    }

    /** Writes the train weights of the gaps for one exponent and returns their sum. */
    private static double fillGaps(double[][] weights, boolean[] given, double gamma) {
        double sum = 0;
        int previous = 0;
        for (int i = 1; i < given.length; i++) {
            if (!given[i]) {
                continue;
            }
            int steps = i - previous;
            for (int k = 1; k < steps; k++) {
                double t = Math.pow((double) k / steps, gamma);
                weights[previous + k][0] = weights[previous][0] * Math.pow(weights[i][0] / weights[previous][0], t);
                sum += weights[previous + k][0];
            }
            previous = i;
        }
        return sum;
    }

    private static List<String[]> readTsv(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = SampleCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " cells in: " + line);
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
