package org.glamibench.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glamibench.dataset.Geo;
import org.glamibench.store.ItemStatus;

/**
 * The metric pack of one set of items, immutable. Made by {@link MetricAccumulator#result()}.
 * Two reports are equal when every count and every value is equal to the bit.
 *
 * @param numClasses       the number of classes {@code K}
 * @param statusCounts     items per status, every status present
 * @param overall          top-1 and top-5 accuracy of all items
 * @param perGeo           top-1 and top-5 accuracy per language, in {@link Geo} order, for the
 *                         languages that have items
 * @param perClass         per-class counts and precision/recall/F1, ascending class index, for
 *                         the classes in the label set: those that are the true class or the
 *                         predicted (top-1) class of at least one item (scikit-learn's default
 *                         labels; failed items predict no class)
 * @param macroF1          mean F1 over the label set; NaN when it is empty
 * @param weightedF1       F1 averaged over the label set weighted by support; NaN without items
 * @param balancedAccuracy mean recall over the classes with support (scikit-learn's
 *                         {@code balanced_accuracy_score}); NaN without items
 * @param confusion        the sparse confusion matrix of the scored items
 * @param calibration      NLL, Brier score, ECE and reliability bins of the items with
 *                         probabilities
 */
public record MetricReport(int numClasses, Map<ItemStatus, Long> statusCounts, TopKAccuracy overall,
                           Map<Geo, TopKAccuracy> perGeo, List<ClassMetrics> perClass, double macroF1,
                           double weightedF1, double balancedAccuracy, ConfusionMatrix confusion,
                           Calibration calibration) {

    public MetricReport {
        statusCounts = Collections.unmodifiableMap(new EnumMap<>(statusCounts));
        perGeo = Collections.unmodifiableMap(new EnumMap<>(perGeo));
        perClass = List.copyOf(perClass);
    }

    /** All items, failed ones included. */
    public long n() {
        return overall.n();
    }

    /** Overall top-1 accuracy; NaN without items. */
    public double top1() {
        return overall.top1();
    }

    /** Overall top-5 accuracy; NaN without items. */
    public double top5() {
        return overall.top5();
    }

    /** Mean negative log-likelihood of the items with probabilities; NaN without them. */
    public double nll() {
        return calibration.nll();
    }

    /** Multiclass Brier score of the items with probabilities; NaN without them. */
    public double brier() {
        return calibration.brier();
    }

    /** Expected calibration error of the items with probabilities; NaN without them. */
    public double ece() {
        return calibration.ece();
    }

    /**
     * The report as nested maps, lists, strings and numbers, ready for a JSON writer. Keys:
     * {@code num_classes, n, status_counts, top1, top1_hits, top5, top5_hits, macro_f1, weighted_f1,
     * balanced_accuracy, per_language} (geo code to {@code n, top1, top5, top1_hits, top5_hits}),
     * {@code per_class} (class index as a string to {@code precision, recall, f1, support}),
     * {@code confusion} (list of {@code [true, predicted, count]}), {@code calibration_n, nll,
     * brier, ece, reliability_bins} (list of {@code lower, upper, count, mean_confidence,
     * accuracy}). Undefined values stay {@code Double.NaN}; maps keep insertion order.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("num_classes", numClasses);
        map.put("n", n());
        Map<String, Object> statuses = new LinkedHashMap<>();
        statusCounts.forEach((status, count) -> statuses.put(status.label(), count));
        map.put("status_counts", statuses);
        putAccuracy(map, overall);
        map.put("macro_f1", macroF1);
        map.put("weighted_f1", weightedF1);
        map.put("balanced_accuracy", balancedAccuracy);
        Map<String, Object> languages = new LinkedHashMap<>();
        perGeo.forEach((geo, accuracy) -> {
            Map<String, Object> language = new LinkedHashMap<>();
            language.put("n", accuracy.n());
            putAccuracy(language, accuracy);
            languages.put(geo.code(), language);
        });
        map.put("per_language", languages);
        Map<String, Object> classes = new LinkedHashMap<>();
        for (ClassMetrics metrics : perClass) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("precision", metrics.precision());
            values.put("recall", metrics.recall());
            values.put("f1", metrics.f1());
            values.put("support", metrics.support());
            classes.put(Integer.toString(metrics.classIndex()), values);
        }
        map.put("per_class", classes);
        List<List<Number>> cells = new ArrayList<>();
        for (ConfusionMatrix.Entry entry : confusion.entries()) {
            cells.add(List.of(entry.trueClass(), entry.predictedClass(), entry.count()));
        }
        map.put("confusion", cells);
        map.put("calibration_n", calibration.n());
        map.put("nll", calibration.nll());
        map.put("brier", calibration.brier());
        map.put("ece", calibration.ece());
        List<Map<String, Object>> bins = new ArrayList<>();
        for (ReliabilityBin bin : calibration.bins()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("lower", bin.lower());
            values.put("upper", bin.upper());
            values.put("count", bin.count());
            values.put("mean_confidence", bin.meanConfidence());
            values.put("accuracy", bin.accuracy());
            bins.add(values);
        }
        map.put("reliability_bins", bins);
        return map;
    }

    private static void putAccuracy(Map<String, Object> map, TopKAccuracy accuracy) {
        map.put("top1", accuracy.top1());
        map.put("top1_hits", accuracy.top1Hits());
        map.put("top5", accuracy.top5());
        map.put("top5_hits", accuracy.top5Hits());
    }
}
