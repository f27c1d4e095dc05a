package org.glamibench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.metrics.ConfusionMatrix;
import org.glamibench.metrics.MetricReport;
import org.glamibench.stats.BootstrapReport;

/**
 * The {@code metrics} object of run.json: {@link MetricReport#toMap()} with classes named by
 * category id instead of class index ({@code per_class} keys, {@code confusion} cells), the most
 * confused pairs with their names, the bootstrap {@code confidence_intervals}, and undefined
 * values (NaN) written as null.
 */
public final class MetricsJson {
    /** How many confused pairs run.json lists by name. */
    public static final int CONFUSED_PAIRS = 20;

    private MetricsJson() {
    }

    /** The metrics object of a report whose class indices refer to the given index. */
    public static Map<String, Object> of(MetricReport report, BootstrapReport intervals, ClassIndex classes) {
        Map<String, Object> map = report.toMap();
        Map<String, Object> perClass = new LinkedHashMap<>();
        ((Map<?, ?>) map.get("per_class")).forEach((index, values) ->
                perClass.put(Integer.toString(classes.category(Integer.parseInt((String) index))), values));
        map.put("per_class", perClass);
        List<List<Number>> cells = new ArrayList<>();
        for (ConfusionMatrix.Entry entry : report.confusion().entries()) {
            cells.add(List.of(classes.category(entry.trueClass()), classes.category(entry.predictedClass()), entry.count()));
        }
        map.put("confusion", cells);
        List<Map<String, Object>> confused = new ArrayList<>();
        for (ConfusionMatrix.Entry entry : report.confusion().mostConfused(CONFUSED_PAIRS)) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("true_category", classes.category(entry.trueClass()));
            pair.put("true_name", classes.name(entry.trueClass()));
            pair.put("predicted_category", classes.category(entry.predictedClass()));
            pair.put("predicted_name", classes.name(entry.predictedClass()));
            pair.put("count", entry.count());
            confused.add(pair);
        }
        map.put("most_confused", confused);
        map.put("confidence_intervals", intervals.toMap());
        return nanToNull(map);
    }

    @SuppressWarnings("unchecked")
    private static <T> T nanToNull(T value) {
        if (value instanceof Double d && d.isNaN()) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, nanToNull(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(nanToNull(v)));
            return (T) copy;
        }
        return value;
    }
}
