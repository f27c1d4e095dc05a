package org.glamibench.leaderboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.glamibench.dataset.Geo;
import org.glamibench.eval.StoredMetrics;
import org.glamibench.files.JsonFiles;
import org.glamibench.metrics.MetricReport;
import org.glamibench.metrics.TopKAccuracy;
import org.glamibench.run.HarnessVersion;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.stats.BootstrapIntervals;
import org.glamibench.stats.BootstrapReport;
import org.glamibench.stats.Interval;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.PredictionStoreException;
import org.glamibench.store.StoredPredictions;

/**
 * Checks a run before it may be ranked. A run is rejected, with the first reason found, when:
 * <ol>
 *   <li>it has no run.json, or its run.json does not match {@code run.schema.json};</li>
 *   <li>it is not a run on a test split, or it scored no items;</li>
 *   <li>its predictions are missing, unfinished or malformed ({@link StoredPredictions#read});</li>
 *   <li>its {@code classes.json} or its number of stored rows disagrees with run.json's dataset;</li>
 *   <li>with the dataset at hand ({@link TestSplitLabels}, same manifest), a stored item, geo or
 *       true category disagrees with the dataset's test split;</li>
 *   <li>a number of run.json's metrics differs from the one recomputed from the stored predictions
 *       ({@link StoredMetrics#compute}): counts (items, hits, statuses, errors, per geo) exactly,
 *       rates (top-1, top-5, macro and weighted F1, balanced accuracy, ECE, NLL, Brier, per geo)
 *       within {@value #RATE_TOLERANCE}; or a bootstrap interval of {@code confidence_intervals}
 *       differs from the one recomputed with the same resamples, confidence and seed.</li>
 * </ol>
 * Without the dataset, the true categories stored in {@code predictions.csv} are taken as the
 * dataset's labels (they are copied from it at evaluation time).
 */
public final class RunVerifier {
    /** The largest difference allowed between a rate in run.json and its recomputed value. */
    public static final double RATE_TOLERANCE = 1e-12;

    private final TestSplitLabels labels;

    /**
     * @param labels the test split to check stored labels against, or null to trust the stored
     *               labels; runs on another manifest are not checked against it
     */
    public RunVerifier(TestSplitLabels labels) {
        this.labels = labels;
    }

    /**
     * Verifies a run folder.
     *
     * @throws RunRejectedException with the reason, when the run may not be ranked
     */
    public VerifiedRun verify(Path folder) throws RunRejectedException {
        RunResult result = readRunJson(folder);
        if (!"test".equals(result.dataset().split())) {
            throw new RunRejectedException("a run on the " + result.dataset().split()
                    + " split: only runs on a test split are ranked");
        }
        if (result.dataset().scoredRows() == 0) {
            throw new RunRejectedException("no scored items (dataset.scored_rows is 0): nothing to rank");
        }
        StoredPredictions stored = readPredictions(folder);
        String classIndex = stored.classIndex().sha256();
        if (!classIndex.equals(result.dataset().classIndexSha256())) {
            throw new RunRejectedException("classes.json has class index " + classIndex + ", run.json says "
                    + result.dataset().classIndexSha256());
        }
        if (stored.size() != result.dataset().scoredRows()) {
            throw new RunRejectedException("predictions.csv has " + stored.size() + " rows, run.json says "
                    + result.dataset().scoredRows() + " were scored");
        }
        if (labels != null && labels.manifestSha256().equals(result.dataset().manifestSha256())) {
            for (PredictionRow row : stored.rows()) {
                String disagreement = labels.disagreement(row.itemId(), row.geo(), row.category());
                if (disagreement != null) {
                    throw new RunRejectedException("predictions.csv: " + disagreement);
                }
            }
        }
        MetricReport metrics;
        try {
            metrics = StoredMetrics.compute(stored);
        } catch (IllegalArgumentException e) {
            throw new RunRejectedException("predictions.csv: " + e.getMessage());
        }
        Interval top1;
        try {
            checkMetrics(result, metrics);
            top1 = checkIntervals(result.metrics(), stored);
        } catch (RunRejectedException e) {
            String made = result.provenance().harnessVersion();
            throw made.equals(HarnessVersion.get()) ? e : new RunRejectedException(e.getMessage() + " (the run was made "
                    + "by harness " + made + ", this is " + HarnessVersion.get() + ")");
        }
        return new VerifiedRun(folder, result, metrics, top1, TopOneOutcomes.of(stored));
    }

    private static RunResult readRunJson(Path folder) throws RunRejectedException {
        String json;
        try {
            json = Files.readString(folder.resolve(RunFiles.RUN_JSON), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RunRejectedException("no run.json (not a finished run)");
        } catch (IOException e) {
            throw new RunRejectedException("run.json cannot be read: " + e.getMessage());
        }
        List<String> violations;
        try {
            violations = RunSchema.violations(json);
        } catch (RuntimeException e) {
            throw new RunRejectedException("run.json is not JSON: " + e.getMessage());
        }
        if (!violations.isEmpty()) {
            throw new RunRejectedException("run.json does not match run.schema.json: " + violations.get(0)
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
        try {
            return JsonFiles.MAPPER.readValue(json, RunResult.class);
        } catch (IOException e) {
            throw new RunRejectedException("run.json cannot be read as a run result: " + e.getMessage());
        }
    }

    private static StoredPredictions readPredictions(Path folder) throws RunRejectedException {
        boolean hasCsv = Files.isRegularFile(folder.resolve("predictions.csv"));
        if (!hasCsv) {
            throw new RunRejectedException("predictions.csv is missing: its metrics cannot be recomputed"
                    + (Files.exists(folder.resolve("predictions.csv.part")) ? " (only an unfinished predictions.csv.part)" : ""));
        }
        StoredPredictions stored;
        try {
            stored = StoredPredictions.read(folder);
        } catch (PredictionStoreException | UncheckedIOException e) {
            throw new RunRejectedException("stored predictions unusable: " + relative(folder, e.getMessage()));
        }
        if (!stored.finished()) {
            throw new RunRejectedException("stored predictions are unfinished");
        }
        return stored;
    }

    private static void checkMetrics(RunResult result, MetricReport metrics) throws RunRejectedException {
        Map<String, Object> m = result.metrics();
        checkCount(m, "n", metrics.n(), "metrics.");
        checkCount(m, "top1_hits", metrics.overall().top1Hits(), "metrics.");
        checkCount(m, "top5_hits", metrics.overall().top5Hits(), "metrics.");
        Map<?, ?> statuses = (Map<?, ?>) m.get("status_counts");
        for (ItemStatus status : ItemStatus.values()) {
            checkCount(statuses, status.label(), metrics.statusCounts().get(status), "metrics.status_counts.");
        }
        checkValue("errors.input_errors", result.errors().inputErrors(), metrics.statusCounts().get(ItemStatus.INPUT_ERROR));
        checkValue("errors.adapter_errors", result.errors().adapterErrors(), metrics.statusCounts().get(ItemStatus.ADAPTER_ERROR));
        checkRate(m, "top1", metrics.top1(), "metrics.");
        checkRate(m, "top5", metrics.top5(), "metrics.");
        checkRate(m, "macro_f1", metrics.macroF1(), "metrics.");
        checkRate(m, "weighted_f1", metrics.weightedF1(), "metrics.");
        checkRate(m, "balanced_accuracy", metrics.balancedAccuracy(), "metrics.");
        checkCount(m, "calibration_n", metrics.calibration().n(), "metrics.");
        checkRate(m, "ece", metrics.ece(), "metrics.");
        checkRate(m, "nll", metrics.nll(), "metrics.");
        checkRate(m, "brier", metrics.brier(), "metrics.");
        Map<?, ?> languages = (Map<?, ?>) m.get("per_language");
        TreeSet<String> stored = new TreeSet<>();
        metrics.perGeo().keySet().forEach(geo -> stored.add(geo.code()));
        TreeSet<String> written = new TreeSet<>();
        languages.keySet().forEach(key -> written.add((String) key));
        if (!stored.equals(written)) {
            throw new RunRejectedException("metrics.per_language in run.json has geos " + written
                    + ", the stored predictions have " + stored);
        }
        for (Map.Entry<Geo, TopKAccuracy> entry : metrics.perGeo().entrySet()) {
            Map<?, ?> language = (Map<?, ?>) languages.get(entry.getKey().code());
            String where = "metrics.per_language." + entry.getKey().code() + ".";
            checkCount(language, "n", entry.getValue().n(), where);
            checkCount(language, "top1_hits", entry.getValue().top1Hits(), where);
            checkCount(language, "top5_hits", entry.getValue().top5Hits(), where);
            checkRate(language, "top1", entry.getValue().top1(), where);
            checkRate(language, "top5", entry.getValue().top5(), where);
        }
    }

    private static Interval checkIntervals(Map<String, Object> m, StoredPredictions stored) throws RunRejectedException {
        Map<?, ?> written = (Map<?, ?>) m.get("confidence_intervals");
        BootstrapReport recomputed = StoredMetrics.intervals(stored, ((Number) written.get("resamples")).intValue(),
                ((Number) written.get("confidence")).doubleValue(), ((Number) written.get("seed")).longValue());
        checkIntervalSet((Map<?, ?>) written.get("overall"), recomputed.overall(), "metrics.confidence_intervals.overall.");
        Map<?, ?> languages = (Map<?, ?>) written.get("per_language");
        if (languages.size() != recomputed.perGeo().size()) {
            throw new RunRejectedException("metrics.confidence_intervals.per_language in run.json has "
                    + languages.size() + " geos, the stored predictions have " + recomputed.perGeo().size());
        }
        for (Map.Entry<Geo, Map<String, Interval>> entry : recomputed.perGeo().entrySet()) {
            String where = "metrics.confidence_intervals.per_language." + entry.getKey().code() + ".";
            Map<?, ?> language = (Map<?, ?>) languages.get(entry.getKey().code());
            if (language == null) {
                throw new RunRejectedException(where.substring(0, where.length() - 1) + " is missing in run.json");
            }
            checkIntervalSet(language, entry.getValue(), where);
        }
        Map<?, ?> top1 = (Map<?, ?>) ((Map<?, ?>) written.get("overall")).get("top1");
        return new Interval(number(top1.get("estimate")), number(top1.get("lower")), number(top1.get("upper")));
    }

    private static void checkIntervalSet(Map<?, ?> written, Map<String, Interval> recomputed, String where)
            throws RunRejectedException {
        for (String metric : BootstrapIntervals.METRICS) {
            Map<?, ?> interval = (Map<?, ?>) written.get(metric);
            Interval expected = recomputed.get(metric);
            checkRate(interval, "estimate", expected.estimate(), where + metric + ".");
            checkRate(interval, "lower", expected.lower(), where + metric + ".");
            checkRate(interval, "upper", expected.upper(), where + metric + ".");
        }
    }

    private static void checkCount(Map<?, ?> map, String key, long expected, String where) throws RunRejectedException {
        Object value = map.get(key);
        boolean equal = false;
        if (value instanceof Number n) {
            equal = (n instanceof Double || n instanceof Float) ? n.doubleValue() == expected : n.longValue() == expected;
        }
        if (!equal) {
            throw mismatch(where + key, value, Long.toString(expected));
        }
    }

    private static void checkValue(String name, long written, long expected) throws RunRejectedException {
        if (written != expected) {
            throw mismatch(name, written, Long.toString(expected));
        }
    }

    private static void checkRate(Map<?, ?> map, String key, double expected, String where) throws RunRejectedException {
        double written = number(map.get(key));
        boolean equal = Double.isNaN(expected) ? Double.isNaN(written)
                : !Double.isNaN(written) && Math.abs(written - expected) <= RATE_TOLERANCE;
        if (!equal) {
            throw mismatch(where + key, map.get(key), Double.isNaN(expected) ? "null" : Double.toString(expected));
        }
    }

    /** A JSON number, NaN for null or anything else. */
    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static RunRejectedException mismatch(String name, Object written, String recomputed) {
        return new RunRejectedException(String.format(Locale.ROOT,
                "%s is %s in run.json, but %s when recomputed from the stored predictions", name, written, recomputed));
    }

    /** A message with the run folder's path cut to its file names, so that pages show no local paths. */
    private static String relative(Path folder, String message) {
        return message == null ? "" : message.replace(folder + folder.getFileSystem().getSeparator(), "")
                .replace(folder.toString(), folder.getFileName().toString());
    }
}
