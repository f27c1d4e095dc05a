package org.glamibench.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.glamibench.dataset.Geo;
import org.glamibench.store.ItemStatus;

/**
 * Accumulates the metric pack over items, one {@link #add} at a time. Accumulators of separate
 * shards {@link #merge} to exactly the state of one pass over all items, in any order and to the
 * bit: counts are integers and the calibration sums are kept in fixed point.
 *
 * <p>What an item contributes:
 * <ul>
 *   <li>an {@link ItemStatus#OK} item: a top-1 hit when {@code topClasses[0]} is the true class, a
 *       top-5 hit when the true class is among {@code topClasses}; a cell
 *       (true class, {@code topClasses[0]}) of the confusion matrix; and, when it has
 *       probabilities, its NLL, Brier and confidence terms;</li>
 *   <li>a failed item ({@link ItemStatus#INPUT_ERROR}, {@link ItemStatus#ADAPTER_ERROR}): a miss in
 *       top-1 and top-5, and a false negative of its true class with no predicted class; it is
 *       also counted under its status. So failing never scores better than answering in top-1,
 *       top-5, recall or balanced accuracy.</li>
 * </ul>
 * Confidence is the probability of the item's best stored class, {@code probabilities[topClasses[0]]}
 * (the top probability when the top classes were chosen from these probabilities); the
 * {@value #CALIBRATION_BINS} equal-width bins are {@code [0, 1/15], (1/15, 2/15], ..., (14/15, 1]}
 * with edges {@code b / 15.0}.
 *
 * <p>Not thread-safe: give each thread its own accumulator and merge them. Memory: {@code K * K}
 * counts for the confusion matrix.
 */
public final class MetricAccumulator {

    /** The number of best classes stored per item, and the k of top-k accuracy. */
    public static final int TOP_K = 5;
    /**
     * For NLL the true class's probability is clipped to {@code [PROBABILITY_EPSILON,
     * 1 - PROBABILITY_EPSILON]}: scikit-learn's {@code log_loss} default before 1.2 (1.2's "auto"
     * clips float32 scores at 1.19e-7). Unlike {@code log_loss}, rows are not renormalised.
     */
    public static final double PROBABILITY_EPSILON = 1e-15;
    /** The number of equal-width confidence bins of ECE and the reliability diagram. */
    public static final int CALIBRATION_BINS = 15;

    private static final Geo[] GEOS = Geo.values();
    private static final ItemStatus[] STATUSES = ItemStatus.values();

    private final int numClasses;
    private final int topClassCount;
    private final long[] statusCounts = new long[STATUSES.length];
    private final long[] geoItems = new long[GEOS.length];
    private final long[] geoTop1Hits = new long[GEOS.length];
    private final long[] geoTop5Hits = new long[GEOS.length];
    /** Items per true class, failed ones included. */
    private final long[] support;
    /** Scored items per (true class, top-1 class), at {@code true * K + predicted}. */
    private final long[] confusion;
    private long calibrationItems;
    private final FixedPointSum nllSum = new FixedPointSum();
    private final FixedPointSum brierSum = new FixedPointSum();
    private final long[] binCounts = new long[CALIBRATION_BINS];
    private final long[] binHits = new long[CALIBRATION_BINS];
    private final FixedPointSum[] binConfidenceSums = new FixedPointSum[CALIBRATION_BINS];

    /**
     * An empty accumulator.
     *
     * @param numClasses the number of classes {@code K} of the class index
     * @throws IllegalArgumentException when {@code numClasses} is not in {@code 1..46340} (the
     *                                  dense confusion counts must fit one array)
     */
    public MetricAccumulator(int numClasses) {
        if (numClasses < 1 || numClasses > 46_340) {
            throw new IllegalArgumentException("numClasses must be in 1..46340, got " + numClasses);
        }
        this.numClasses = numClasses;
        this.topClassCount = Math.min(TOP_K, numClasses);
        this.support = new long[numClasses];
        this.confusion = new long[numClasses * numClasses];
        for (int bin = 0; bin < CALIBRATION_BINS; bin++) {
            binConfidenceSums[bin] = new FixedPointSum();
        }
    }

    /** The number of classes {@code K}. */
    public int numClasses() {
        return numClasses;
    }

    /** Items added so far, merged ones included. */
    public long count() {
        long count = 0;
        for (long items : geoItems) {
            count += items;
        }
        return count;
    }

    /**
     * Adds one stored prediction; see {@link #add(int, Geo, ItemStatus, int[], float[])}.
     *
     * @return this accumulator
     */
    public MetricAccumulator add(ScoredItem item) {
        return add(item.trueClass(), item.geo(), item.status(), item.topClasses(), item.probabilities());
    }

    /**
     * Adds stored predictions in order; see {@link #add(int, Geo, ItemStatus, int[], float[])}.
     *
     * @return this accumulator
     */
    public MetricAccumulator addAll(Iterable<ScoredItem> items) {
        for (ScoredItem item : items) {
            add(item);
        }
        return this;
    }

    /**
     * Adds one stored prediction. The arrays are read, not kept.
     *
     * @param trueClass     the true class, {@code 0..K-1}
     * @param geo           the item's language
     * @param status        whether the model produced scores for the item
     * @param topClasses    for an OK item exactly {@code min(5, K)} distinct classes, best first;
     *                      {@code null} for a failed item
     * @param probabilities for an OK item {@code null} or {@code K} probabilities, each in
     *                      {@code [0, 1]}; {@code null} for a failed item
     * @return this accumulator
     * @throws NullPointerException     when {@code geo} or {@code status} is null, or an OK item
     *                                  has no top classes
     * @throws IllegalArgumentException when a class is out of range, the top classes are not
     *                                  {@code min(5, K)} distinct classes, the probabilities are
     *                                  not {@code K} values in {@code [0, 1]}, or a failed item
     *                                  carries predictions; the accumulator is then unchanged
     */
    public MetricAccumulator add(int trueClass, Geo geo, ItemStatus status, int[] topClasses, float[] probabilities) {
        checkClass(trueClass, "true class");
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(status, "status");
        if (status != ItemStatus.OK) {
            if (topClasses != null || probabilities != null) {
                throw new IllegalArgumentException(status + " item carries predictions; they must be null");
            }
            countItem(trueClass, geo, status, false, false);
            return this;
        }
        Objects.requireNonNull(topClasses, "topClasses of an OK item");
        checkTopClasses(topClasses);
        int predicted = topClasses[0];
        boolean top1Hit = predicted == trueClass;
        boolean top5Hit = false;
        for (int topClass : topClasses) {
            top5Hit |= topClass == trueClass;
        }
        if (probabilities != null) {
            addCalibration(trueClass, predicted, top1Hit, probabilities);
        }
        countItem(trueClass, geo, status, top1Hit, top5Hit);
        confusion[trueClass * numClasses + predicted]++;
        return this;
    }

    private void countItem(int trueClass, Geo geo, ItemStatus status, boolean top1Hit, boolean top5Hit) {
        statusCounts[status.ordinal()]++;
        int geoIndex = geo.ordinal();
        geoItems[geoIndex]++;
        if (top1Hit) {
            geoTop1Hits[geoIndex]++;
        }
        if (top5Hit) {
            geoTop5Hits[geoIndex]++;
        }
        support[trueClass]++;
    }

    private void addCalibration(int trueClass, int predicted, boolean top1Hit, float[] probabilities) {
        if (probabilities.length != numClasses) {
            throw new IllegalArgumentException("expected " + numClasses + " probabilities, got " + probabilities.length);
        }
        double sumOfSquares = 0;
        for (int c = 0; c < probabilities.length; c++) {
            float p = probabilities[c];
            if (!(p >= 0f && p <= 1f)) {
                throw new IllegalArgumentException("probability of class " + c + " is " + p + ", not in [0, 1]");
            }
            sumOfSquares += (double) p * p;
        }
        double trueProbability = probabilities[trueClass];
        // Never negative: the rounded sum of non-negative exact squares is at least each square.
        double brier = sumOfSquares - trueProbability * trueProbability
                + (1 - trueProbability) * (1 - trueProbability);
        double clipped = Math.min(Math.max(trueProbability, PROBABILITY_EPSILON), 1 - PROBABILITY_EPSILON);
        double confidence = probabilities[predicted];
        int bin = binOf(confidence);
        // All checks are done: from here on nothing throws.
        calibrationItems++;
        nllSum.add(-Math.log(clipped));
        brierSum.add(brier);
        binCounts[bin]++;
        if (top1Hit) {
            binHits[bin]++;
        }
        binConfidenceSums[bin].add(confidence);
    }

    /** The bin {@code b} with {@code b / 15.0 < confidence <= (b + 1) / 15.0}; 0 holds 0. */
    static int binOf(double confidence) {
        int bin = Math.min(Math.max((int) Math.ceil(confidence * CALIBRATION_BINS) - 1, 0), CALIBRATION_BINS - 1);
        // Settle rounding of the product against the edges as they are defined, b / 15.0.
        while (bin > 0 && confidence <= binEdge(bin)) {
            bin--;
        }
        while (bin < CALIBRATION_BINS - 1 && confidence > binEdge(bin + 1)) {
            bin++;
        }
        return bin;
    }

    private static double binEdge(int index) {
        return index / (double) CALIBRATION_BINS;
    }

    private void checkClass(int classIndex, String what) {
        if (classIndex < 0 || classIndex >= numClasses) {
            throw new IllegalArgumentException(what + " " + classIndex + " is not in 0.." + (numClasses - 1));
        }
    }

    private void checkTopClasses(int[] topClasses) {
        if (topClasses.length != topClassCount) {
            throw new IllegalArgumentException("expected " + topClassCount + " top classes, got " + topClasses.length);
        }
        for (int i = 0; i < topClasses.length; i++) {
            checkClass(topClasses[i], "top class");
            for (int j = 0; j < i; j++) {
                if (topClasses[j] == topClasses[i]) {
                    throw new IllegalArgumentException("top class " + topClasses[i] + " is listed twice");
                }
            }
        }
    }

    /**
     * Adds the other accumulator's items to this one; the other is unchanged.
     *
     * @return this accumulator
     * @throws IllegalArgumentException when the other has a different number of classes
     */
    public MetricAccumulator merge(MetricAccumulator other) {
        if (other.numClasses != numClasses) {
            throw new IllegalArgumentException("cannot merge " + other.numClasses + " classes into " + numClasses);
        }
        addInto(statusCounts, other.statusCounts);
        addInto(geoItems, other.geoItems);
        addInto(geoTop1Hits, other.geoTop1Hits);
        addInto(geoTop5Hits, other.geoTop5Hits);
        addInto(support, other.support);
        addInto(confusion, other.confusion);
        calibrationItems += other.calibrationItems;
        nllSum.add(other.nllSum);
        brierSum.add(other.brierSum);
        addInto(binCounts, other.binCounts);
        addInto(binHits, other.binHits);
        for (int bin = 0; bin < CALIBRATION_BINS; bin++) {
            binConfidenceSums[bin].add(other.binConfidenceSums[bin]);
        }
        return this;
    }

    private static void addInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] += source[i];
        }
    }

    /** The metrics of the items added so far; the accumulator can go on accumulating. */
    public MetricReport result() {
        Map<ItemStatus, Long> statuses = new EnumMap<>(ItemStatus.class);
        for (ItemStatus status : STATUSES) {
            statuses.put(status, statusCounts[status.ordinal()]);
        }
        long n = 0;
        long top1Hits = 0;
        long top5Hits = 0;
        Map<Geo, TopKAccuracy> perGeo = new EnumMap<>(Geo.class);
        for (Geo geo : GEOS) {
            int index = geo.ordinal();
            n += geoItems[index];
            top1Hits += geoTop1Hits[index];
            top5Hits += geoTop5Hits[index];
            if (geoItems[index] > 0) {
                perGeo.put(geo, new TopKAccuracy(geoItems[index], geoTop1Hits[index], geoTop5Hits[index]));
            }
        }

        long[] predicted = new long[numClasses];
        List<ConfusionMatrix.Entry> cells = new ArrayList<>();
        for (int trueClass = 0; trueClass < numClasses; trueClass++) {
            int row = trueClass * numClasses;
            for (int predictedClass = 0; predictedClass < numClasses; predictedClass++) {
                long count = confusion[row + predictedClass];
                if (count > 0) {
                    predicted[predictedClass] += count;
                    cells.add(new ConfusionMatrix.Entry(trueClass, predictedClass, count));
                }
            }
        }

        List<ClassMetrics> perClass = new ArrayList<>();
        double f1Sum = 0;
        double weightedF1Sum = 0;
        double recallSum = 0;
        int classesWithSupport = 0;
        for (int c = 0; c < numClasses; c++) {
            if (support[c] == 0 && predicted[c] == 0) {
                continue;
            }
            ClassMetrics metrics = new ClassMetrics(c, support[c], predicted[c], confusion[c * numClasses + c]);
            perClass.add(metrics);
            double f1 = metrics.f1();
            f1Sum += f1;
            weightedF1Sum += f1 * metrics.support();
            if (metrics.support() > 0) {
                recallSum += metrics.recall();
                classesWithSupport++;
            }
        }
        double macroF1 = perClass.isEmpty() ? Double.NaN : f1Sum / perClass.size();
        double weightedF1 = n == 0 ? Double.NaN : weightedF1Sum / n;
        double balancedAccuracy = classesWithSupport == 0 ? Double.NaN : recallSum / classesWithSupport;

        return new MetricReport(numClasses, statuses, new TopKAccuracy(n, top1Hits, top5Hits), perGeo, perClass,
                macroF1, weightedF1, balancedAccuracy, new ConfusionMatrix(numClasses, cells), calibration());
    }

    private Calibration calibration() {
        List<ReliabilityBin> bins = new ArrayList<>(CALIBRATION_BINS);
        double ece = 0;
        for (int bin = 0; bin < CALIBRATION_BINS; bin++) {
            long count = binCounts[bin];
            double meanConfidence = count == 0 ? Double.NaN : binConfidenceSums[bin].value() / count;
            ReliabilityBin reliability = new ReliabilityBin(binEdge(bin), binEdge(bin + 1), count, binHits[bin], meanConfidence);
            bins.add(reliability);
            if (count > 0) {
                ece += (double) count / calibrationItems * Math.abs(reliability.accuracy() - meanConfidence);
            }
        }
        if (calibrationItems == 0) {
            return new Calibration(0, Double.NaN, Double.NaN, Double.NaN, bins);
        }
        return new Calibration(calibrationItems, nllSum.value() / calibrationItems,
                brierSum.value() / calibrationItems, ece, bins);
    }
}
