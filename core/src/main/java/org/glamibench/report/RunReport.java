package org.glamibench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.glamibench.leakage.CleanSubsetScore;
import org.glamibench.run.RunResult;
import org.glamibench.stats.Interval;

/**
 * A readable summary of one run: overall metrics, the languages, the worst classes, the most
 * confused pairs and the errors, as plain text for a terminal or as Markdown. Reads only the
 * run's run.json values and its class index (for class names).
 */
public final class RunReport {
    /** How many of the worst classes are listed. */
    public static final int WORST_CLASSES = 10;
    /** How many confused pairs are listed. */
    public static final int CONFUSED_PAIRS = 10;

    private final RunResult run;
    private final ClassIndex classes;
    private final CleanSubsetScore clean;

    /** A report of a run whose categories are named by the given class index. */
    public RunReport(RunResult run, ClassIndex classes) {
        this(run, classes, null);
    }

    /**
     * A report of a run whose categories are named by the given class index, with its top-1 on the
     * clean and leaked subsets of its test items (a section "Leakage"); {@code clean} may be null,
     * and the report is then as without it.
     */
    public RunReport(RunResult run, ClassIndex classes, CleanSubsetScore clean) {
        this.run = run;
        this.classes = classes;
        this.clean = clean;
    }

    /** The report as aligned plain text. */
    public String text() {
        return render(false);
    }

    /** The report as Markdown (GitHub tables). */
    public String markdown() {
        return render(true);
    }

    private String render(boolean markdown) {
        Tables out = new Tables(markdown);
        RunResult.Adapter a = run.adapter();
        RunResult.Dataset d = run.dataset();
        Map<String, Object> m = run.metrics();
        out.title("Run " + run.runId());
        out.line("adapter " + a.name() + " " + a.version() + " (" + a.modality() + ", " + a.output() + ")"
                + (a.jar() != null ? " from " + a.jar() : "") + "; device " + run.settings().device());
        out.line("data GLAMI-1M " + d.split() + ": " + String.format(Locale.ROOT, "%,d", d.scoredRows()) + " of "
                + String.format(Locale.ROOT, "%,d", d.rows()) + " items scored; manifest " + d.manifestSha256()
                + "; class index " + d.classIndexSha256());
        out.line("harness " + run.provenance().harnessVersion() + "; finished " + run.created() + "; "
                + String.format(Locale.ROOT, "%.1f items/s", run.timing().itemsPerSecond()));
        if (d.scoredRows() == 0) {
            out.line("no items were scored: every metric is undefined (n/a)");
        }

        out.section("Overall");
        List<String[]> overall = new ArrayList<>();
        for (String key : List.of("top1", "top5", "macro_f1", "weighted_f1", "balanced_accuracy", "nll", "brier", "ece")) {
            overall.add(new String[] {key, number(m.get(key))});
        }
        out.table(new String[] {"metric", "value"}, overall);

        if (clean != null) {
            out.section("Leakage");
            out.line("test items with a photo twin (distance <= " + clean.file().maxDistance()
                    + ") or a text twin in train are leaked, the others clean (" + clean.file().file() + ")");
            Interval all = top1Interval();
            out.table(new String[] {"subset", "top-1 [95% interval] on items"}, List.of(
                    new String[] {"all", all == null ? number(m.get("top1")) : CleanSubsetScore.describe(all, d.scoredRows())},
                    new String[] {"clean", CleanSubsetScore.describe(clean.cleanTop1(), clean.cleanItems())},
                    new String[] {"leaked", CleanSubsetScore.describe(clean.leakedTop1(), clean.leakedItems())}));
        }

        out.section("Languages");
        List<String[]> languages = new ArrayList<>();
        Map<?, ?> perLanguage = (Map<?, ?>) m.get("per_language");
        for (Geo geo : Geo.values()) {
            Map<?, ?> values = (Map<?, ?>) perLanguage.get(geo.code());
            if (values != null) {
                languages.add(new String[] {geo.code(), geo.country(), count(values.get("n")), number(values.get("top1")),
                    number(values.get("top5"))});
            }
        }
        out.table(new String[] {"geo", "country", "items", "top-1", "top-5"}, languages);

        out.section("Worst classes (by F1, classes with support)");
        List<String[]> worst = new ArrayList<>();
        ((Map<?, ?>) m.get("per_class")).entrySet().stream()
                .filter(e -> ((Number) ((Map<?, ?>) e.getValue()).get("support")).longValue() > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<?, ?> e) -> f1(e.getValue()))
                        .thenComparingInt(e -> Integer.parseInt((String) e.getKey())))
                .limit(WORST_CLASSES)
                .forEach(e -> {
                    Map<?, ?> values = (Map<?, ?>) e.getValue();
                    int category = Integer.parseInt((String) e.getKey());
                    int index = classes.indexOf(category);
                    worst.add(new String[] {Integer.toString(category), index >= 0 ? classes.name(index) : "?",
                        count(values.get("support")), number(values.get("precision")), number(values.get("recall")),
                        number(values.get("f1"))});
                });
        out.table(new String[] {"category", "name", "support", "precision", "recall", "F1"}, worst);

        out.section("Most confused pairs (true -> predicted)");
        List<String[]> confused = new ArrayList<>();
        for (Object pair : ((List<?>) m.get("most_confused")).stream().limit(CONFUSED_PAIRS).toList()) {
            Map<?, ?> p = (Map<?, ?>) pair;
            confused.add(new String[] {String.valueOf(p.get("true_name")), String.valueOf(p.get("predicted_name")),
                count(p.get("count"))});
        }
        out.table(new String[] {"true", "predicted", "items"}, confused);

        out.section("Errors");
        out.line(String.format(Locale.ROOT, "%,d input errors, %,d adapter errors (counted as wrong)",
                run.errors().inputErrors(), run.errors().adapterErrors()));
        List<String[]> examples = new ArrayList<>();
        for (Map<String, Object> example : run.errors().examples()) {
            examples.add(new String[] {String.valueOf(example.get("item_id")), String.valueOf(example.get("status")),
                String.valueOf(example.get("message")).replace('\n', ' ')});
        }
        if (!examples.isEmpty()) {
            out.table(new String[] {"item", "status", "message"}, examples);
        }
        return out.toString();
    }

    /** The run's stored top-1 interval, or null when run.json has none. */
    private Interval top1Interval() {
        if (run.metrics().get("confidence_intervals") instanceof Map<?, ?> intervals
                && intervals.get("overall") instanceof Map<?, ?> overall
                && overall.get("top1") instanceof Map<?, ?> top1) {
            return new Interval(((Number) top1.get("estimate")).doubleValue(), ((Number) top1.get("lower")).doubleValue(),
                    ((Number) top1.get("upper")).doubleValue());
        }
        return null;
    }

    private static double f1(Object values) {
        Object f1 = ((Map<?, ?>) values).get("f1");
        return f1 instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String number(Object value) {
        return value instanceof Number n && !Double.isNaN(n.doubleValue())
                ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "n/a";
    }

    private static String count(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : "n/a";
    }
}
