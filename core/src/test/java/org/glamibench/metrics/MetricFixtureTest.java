package org.glamibench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.glamibench.dataset.Geo;
import org.glamibench.store.ItemStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the metric pack against values computed independently by scikit-learn 1.2 and numpy:
 * the fixtures under {@code src/test/resources/metrics/}, written by
 * {@code src/test/python/make_metric_fixtures.py}.
 */
class MetricFixtureTest {

    private static final double TOLERANCE = 1e-12;
    /** Expected keys that are not part of {@link MetricReport#toMap()}; checked on their own. */
    private static final Set<String> NOT_IN_MAP = Set.of("top5_source", "most_confused");

    private record Fixture(String name, int numClasses, List<ScoredItem> items, JsonNode expected) {
    }

    private static Fixture load(String name) throws IOException {
        try (InputStream in = MetricFixtureTest.class.getResourceAsStream("/metrics/" + name + ".json")) {
            assertThat(in).as("fixture %s", name).isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            int numClasses = root.get("num_classes").asInt();
            double denominator = root.get("probability_denominator").asDouble();
            List<ScoredItem> items = new ArrayList<>();
            for (JsonNode item : root.get("items")) {
                int trueClass = item.get("true").asInt();
                Geo geo = Geo.fromCode(item.get("geo").asText()).orElseThrow();
                ItemStatus status = ItemStatus.valueOf(item.get("status").asText().toUpperCase(Locale.ROOT));
                int[] top = null;
                float[] probabilities = null;
                if (item.has("top")) {
                    top = new int[item.get("top").size()];
                    for (int i = 0; i < top.length; i++) {
                        top[i] = item.get("top").get(i).asInt();
                    }
                }
                if (item.has("p")) {
                    probabilities = new float[numClasses];
                    for (int c = 0; c < numClasses; c++) {
                        double exact = item.get("p").get(c).asLong() / denominator;
                        probabilities[c] = (float) exact;
                        assertThat((double) probabilities[c]).as("exact float").isEqualTo(exact);
                    }
                }
                items.add(new ScoredItem(trueClass, geo, status, top, probabilities));
            }
            return new Fixture(name, numClasses, items, root.get("expected"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hand", "random", "unseen_class"})
    void matchesScikitLearn(String name) throws IOException {
        Fixture fixture = load(name);
        MetricReport report = new MetricAccumulator(fixture.numClasses()).addAll(fixture.items()).result();

        Map<String, Object> actual = report.toMap();
        Iterator<Map.Entry<String, JsonNode>> fields = fixture.expected().properties().iterator();
        int checked = 0;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (NOT_IN_MAP.contains(field.getKey())) {
                continue;
            }
            assertThat(actual).as("%s: key %s", name, field.getKey()).containsKey(field.getKey());
            assertMatches(name + ": " + field.getKey(), field.getValue(), actual.get(field.getKey()));
            checked++;
        }
        assertThat(checked).isEqualTo(actual.size());

        List<List<Long>> mostConfused = new ArrayList<>();
        for (ConfusionMatrix.Entry entry : report.confusion().mostConfused(10)) {
            mostConfused.add(List.of((long) entry.trueClass(), (long) entry.predictedClass(), entry.count()));
        }
        List<List<Long>> expectedMostConfused = new ArrayList<>();
        for (JsonNode cell : fixture.expected().get("most_confused")) {
            expectedMostConfused.add(List.of(cell.get(0).asLong(), cell.get(1).asLong(), cell.get(2).asLong()));
        }
        assertThat(mostConfused).as("%s: most confused", name).isEqualTo(expectedMostConfused);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hand", "random", "unseen_class"})
    void threeShardsMergeToOnePassToTheBit(String name) throws IOException {
        Fixture fixture = load(name);
        List<ScoredItem> items = fixture.items();
        MetricReport onePass = new MetricAccumulator(fixture.numClasses()).addAll(items).result();

        // Contiguous shards of unequal size, merged out of order.
        int first = items.size() / 5;
        int second = items.size() * 3 / 5;
        MetricAccumulator a = new MetricAccumulator(fixture.numClasses()).addAll(items.subList(0, first));
        MetricAccumulator b = new MetricAccumulator(fixture.numClasses()).addAll(items.subList(first, second));
        MetricAccumulator c = new MetricAccumulator(fixture.numClasses()).addAll(items.subList(second, items.size()));
        MetricReport merged = c.merge(a).merge(b).result();

        assertThat(merged).isEqualTo(onePass);
        assertThat(merged.toMap()).isEqualTo(onePass.toMap());
        for (double[] pair : new double[][] {{merged.nll(), onePass.nll()}, {merged.brier(), onePass.brier()},
            {merged.ece(), onePass.ece()}, {merged.macroF1(), onePass.macroF1()}}) {
            assertThat(Double.doubleToRawLongBits(pair[0])).isEqualTo(Double.doubleToRawLongBits(pair[1]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hand", "random", "unseen_class"})
    void storedTopClassesFollowTheTieRule(String name) throws IOException {
        // The script chose the top classes with numpy's stable argsort of the negated scores.
        for (ScoredItem item : load(name).items()) {
            if (item.probabilities() != null) {
                assertThat(Scores.topK(item.probabilities(), MetricAccumulator.TOP_K)).as("%s: %s", name, item)
                        .containsExactly(item.topClasses());
            }
        }
    }

    /** Integers must be equal, doubles within 1e-12, null means NaN; maps and lists element by element. */
    private static void assertMatches(String where, JsonNode expected, Object actual) {
        if (expected.isNull()) {
            assertThat(actual).as(where).isInstanceOf(Double.class);
            assertThat((Double) actual).as(where).isNaN();
        } else if (expected.isIntegralNumber()) {
            assertThat(actual).as(where).isInstanceOf(Number.class);
            if (actual instanceof Double value) {
                assertThat(value).as(where).isEqualTo(expected.asDouble());
            } else {
                assertThat(((Number) actual).longValue()).as(where).isEqualTo(expected.asLong());
            }
        } else if (expected.isNumber()) {
            assertThat(actual).as(where).isInstanceOf(Double.class);
            assertThat((Double) actual).as(where).isCloseTo(expected.asDouble(), within(TOLERANCE));
        } else if (expected.isObject()) {
            assertThat(actual).as(where).isInstanceOf(Map.class);
            Map<?, ?> map = (Map<?, ?>) actual;
            List<Object> expectedKeys = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedKeys::add);
            assertThat(new ArrayList<Object>(map.keySet())).as(where + " keys, in order").isEqualTo(expectedKeys);
            for (Object key : expectedKeys) {
                assertMatches(where + "." + key, expected.get((String) key), map.get(key));
            }
        } else if (expected.isArray()) {
            assertThat(actual).as(where).isInstanceOf(List.class);
            List<?> list = (List<?>) actual;
            assertThat(list).as(where + " size").hasSize(expected.size());
            for (int i = 0; i < list.size(); i++) {
                assertMatches(where + "[" + i + "]", expected.get(i), list.get(i));
            }
        } else {
            fail("%s: unexpected expected value %s", where, expected);
        }
    }
}
