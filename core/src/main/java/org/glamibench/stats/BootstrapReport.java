package org.glamibench.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.glamibench.dataset.Geo;

/**
 * Bootstrap confidence intervals of a run.
 *
 * @param resamples  the number of resamples
 * @param confidence the interval's confidence level
 * @param seed       the resampling seed
 * @param overall    metric name to interval, over all items
 * @param perGeo     per geo with items, metric name to interval
 */
public record BootstrapReport(int resamples, double confidence, long seed, Map<String, Interval> overall,
                              Map<Geo, Map<String, Interval>> perGeo) {

    /** As nested maps for run.json: {@code resamples, confidence, seed, overall, per_language}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", "percentile bootstrap, resampling within each geo");
        map.put("resamples", resamples);
        map.put("confidence", confidence);
        map.put("seed", seed);
        map.put("overall", intervals(overall));
        Map<String, Object> languages = new LinkedHashMap<>();
        perGeo.forEach((geo, intervals) -> languages.put(geo.code(), intervals(intervals)));
        map.put("per_language", languages);
        return map;
    }

    private static Map<String, Object> intervals(Map<String, Interval> intervals) {
        Map<String, Object> map = new LinkedHashMap<>();
        intervals.forEach((metric, interval) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("estimate", interval.estimate());
            values.put("lower", interval.lower());
            values.put("upper", interval.upper());
            map.put(metric, values);
        });
        return map;
    }
}
