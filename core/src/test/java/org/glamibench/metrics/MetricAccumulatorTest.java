package org.glamibench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.glamibench.store.ItemStatus.ADAPTER_ERROR;
import static org.glamibench.store.ItemStatus.INPUT_ERROR;
import static org.glamibench.store.ItemStatus.OK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glamibench.dataset.Geo;
import org.glamibench.store.ItemStatus;
import org.junit.jupiter.api.Test;

class MetricAccumulatorTest {

    private static final double TOLERANCE = 1e-12;
    /** float 0.4 = 0.4000000059604645, just above the bin edge 6/15 = 0.4. */
    private static final double A = 0.4f;
    /** 0.5 - float 0.4 = 0.0999999940395355, also exactly a float. */
    private static final double Z = 0.5 - A;

    /**
     * The hand-sized case (also the fixture {@code hand.json}): 12 items, 6 classes, 3 languages.
     * Top classes follow the documented rule, ties to the lower index.
     */
    static List<ScoredItem> handItems() {
        return List.of(
                ok(0, Geo.CZ, 0.5, 0.25, 0.125, 0.0625, 0.0625, 0),     // top [0,1,2,3,4]: hit
                ok(1, Geo.CZ, 0.375, 0.375, 0.125, 0.125, 0, 0),        // top [0,1,2,3,4]: tie at top-1 goes to 0, miss
                ok(2, Geo.CZ, 0.0625, 0.1875, 0.625, 0.125, 0, 0),      // top [2,1,3,0,4]: hit
                ScoredItem.failed(3, Geo.CZ, INPUT_ERROR),
                ok(0, Geo.SK, 1, 0, 0, 0, 0, 0),                        // top [0,1,2,3,4]: hit
                ok(5, Geo.SK, 0.25, 0.25, 0.125, 0.125, 0.125, 0.125),  // top [0,1,2,3,4]: 5 ties with 4 and is out: top-5 miss
                ok(2, Geo.SK, A, 0.25, 0.25, Z, 0, 0),                  // top [0,1,2,3,4]: miss
                ScoredItem.failed(1, Geo.SK, ADAPTER_ERROR),
                ScoredItem.ok(3, Geo.TR, new int[] {3, 0, 1, 2, 4}),   // no probabilities: hit
                ok(2, Geo.TR, 0.125, 0.5, 0.25, 0.125, 0, 0),           // top [1,2,0,3,4]: miss
                ok(0, Geo.TR, 0, 0, 0.5, 0.5, 0, 0),                    // top [2,3,0,1,4]: miss
                ok(3, Geo.TR, 0.0625, 0.0625, 0.125, 0.75, 0, 0));      // top [3,2,0,1,4]: hit
    }

    private static ScoredItem ok(int trueClass, Geo geo, double... probabilities) {
        float[] p = new float[probabilities.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = (float) probabilities[c];
        }
        return ScoredItem.ok(trueClass, geo, Scores.topK(p, MetricAccumulator.TOP_K), p);
    }

    @Test
    void handCaseAccuracyAndCounts() {
        MetricReport report = new MetricAccumulator(6).addAll(handItems()).result();

        assertThat(report.statusCounts()).containsExactly(Map.entry(OK, 10L), Map.entry(INPUT_ERROR, 1L),
                Map.entry(ADAPTER_ERROR, 1L));
        // top-1 hits: items 0, 2, 4, 8, 11; top-5 misses: the two failed items and item 5
        assertThat(report.overall()).isEqualTo(new TopKAccuracy(12, 5, 9));
        assertThat(report.top1()).isEqualTo(5 / 12.0);
        assertThat(report.top5()).isEqualTo(0.75);
        assertThat(report.perGeo()).containsExactly(
                Map.entry(Geo.CZ, new TopKAccuracy(4, 2, 3)),
                Map.entry(Geo.SK, new TopKAccuracy(4, 1, 2)),
                Map.entry(Geo.TR, new TopKAccuracy(4, 2, 4)));
    }

    @Test
    void handCasePerClassAndAverages() {
        MetricReport report = new MetricAccumulator(6).addAll(handItems()).result();

        // class: support (failed items included), predicted as top-1, true positives.
        // Class 4 is neither true nor predicted, so it is not in the label set; class 5 is.
        assertThat(report.perClass()).containsExactly(
                new ClassMetrics(0, 3, 5, 2),   // P 2/5, R 2/3, F1 0.5
                new ClassMetrics(1, 2, 1, 0),   // 0, 0, 0
                new ClassMetrics(2, 3, 2, 1),   // P 1/2, R 1/3, F1 0.4
                new ClassMetrics(3, 3, 2, 2),   // P 1, R 2/3, F1 0.8
                new ClassMetrics(5, 1, 0, 0));  // 0, 0, 0
        assertThat(report.perClass().get(0).f1()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(report.perClass().get(2).f1()).isCloseTo(0.4, within(TOLERANCE));
        assertThat(report.perClass().get(3).f1()).isCloseTo(0.8, within(TOLERANCE));
        // macro: (0.5 + 0 + 0.4 + 0.8 + 0) / 5; weighted: (0.5*3 + 0.4*3 + 0.8*3) / 12
        assertThat(report.macroF1()).isCloseTo(0.34, within(TOLERANCE));
        assertThat(report.weightedF1()).isCloseTo(0.425, within(TOLERANCE));
        // recalls 2/3, 0, 1/3, 2/3, 0 over the 5 classes with support
        assertThat(report.balancedAccuracy()).isCloseTo(1 / 3.0, within(TOLERANCE));
    }

    @Test
    void handCaseConfusion() {
        ConfusionMatrix confusion = new MetricAccumulator(6).addAll(handItems()).result().confusion();

        assertThat(confusion.entries()).containsExactly(
                new ConfusionMatrix.Entry(0, 0, 2), new ConfusionMatrix.Entry(0, 2, 1),
                new ConfusionMatrix.Entry(1, 0, 1), new ConfusionMatrix.Entry(2, 0, 1),
                new ConfusionMatrix.Entry(2, 1, 1), new ConfusionMatrix.Entry(2, 2, 1),
                new ConfusionMatrix.Entry(3, 3, 2), new ConfusionMatrix.Entry(5, 0, 1));
        assertThat(confusion.count(3, 3)).isEqualTo(2);
        assertThat(confusion.count(2, 1)).isEqualTo(1);
        assertThat(confusion.count(1, 2)).isZero();
        assertThat(confusion.mostConfused(3)).containsExactly(new ConfusionMatrix.Entry(0, 2, 1),
                new ConfusionMatrix.Entry(1, 0, 1), new ConfusionMatrix.Entry(2, 0, 1));
    }

    @Test
    void handCaseCalibration() {
        Calibration calibration = new MetricAccumulator(6).addAll(handItems()).result().calibration();

        // Items 0, 1, 2, 4, 5, 6, 9, 10, 11 have probabilities; the failed items and item 8 do not.
        assertThat(calibration.n()).isEqualTo(9);
        // NLL of the true class; item 4 (p = 1) and item 10 (p = 0) are clipped by 1e-15.
        double nll = (-Math.log(0.5) - Math.log(0.375) - Math.log(0.625) - Math.log(1 - 1e-15) - Math.log(0.125)
                - Math.log(0.25) - Math.log(0.25) - Math.log(1e-15) - Math.log(0.75)) / 9;
        assertThat(calibration.nll()).isCloseTo(nll, within(TOLERANCE));
        assertThat(calibration.nll()).isCloseTo(4.646940977122168, within(TOLERANCE));
        // Brier per item: sum over classes of (p - onehot)^2, e.g. item 0: 0.25 + 0.0625 + 0.015625
        // + 2 * 0.00390625 = 0.3359375; item 6: A^2 + 0.0625 + 0.5625 + Z^2.
        double brier = (0.3359375 + 0.5625 + 0.1953125 + 0 + 0.9375 + (A * A + 0.0625 + 0.5625 + Z * Z)
                + 0.84375 + 1.5 + 0.0859375) / 9;
        assertThat(calibration.brier()).isCloseTo(brier, within(TOLERANCE));

        // ECE by hand. Confidence = probability of the top class; bins (b/15, (b+1)/15].
        //   bin  3 (0.2000, 0.2667]: item 5  conf 0.25 miss           -> n 1, acc 0,   conf 0.25
        //   bin  5 (0.3333, 0.4000]: item 1  conf 0.375 miss          -> n 1, acc 0,   conf 0.375
        //   bin  6 (0.4000, 0.4667]: item 6  conf A = 0.40000000596 (float 0.4 lies just above 6/15) miss
        //                                                             -> n 1, acc 0,   conf A
        //   bin  7 (0.4667, 0.5333]: items 0 (hit), 9, 10 (misses), conf 0.5 each
        //                                                             -> n 3, acc 1/3, conf 0.5
        //   bin  9 (0.6000, 0.6667]: item 2  conf 0.625 hit           -> n 1, acc 1,   conf 0.625
        //   bin 11 (0.7333, 0.8000]: item 11 conf 0.75 hit            -> n 1, acc 1,   conf 0.75
        //   bin 14 (0.9333, 1.0000]: item 4  conf 1 hit               -> n 1, acc 1,   conf 1
        // ECE = sum n_b / 9 * |acc_b - conf_b|
        //     = (0.25 + 0.375 + A + 3 * (0.5 - 1/3) + 0.375 + 0.25 + 0) / 9
        //     = (2.15 + 0.0000000059604645) / 9 = 0.23888888955116272
        double ece = (0.25 + 0.375 + A + 3 * (0.5 - 1 / 3.0) + (1 - 0.625) + (1 - 0.75) + 0) / 9;
        assertThat(calibration.ece()).isCloseTo(ece, within(TOLERANCE));
        assertThat(calibration.ece()).isCloseTo(0.23888888955116272, within(TOLERANCE));
        assertThat(calibration.bins()).hasSize(15);
        assertThat(calibration.bins().stream().mapToLong(ReliabilityBin::count).toArray())
                .containsExactly(0, 0, 0, 1, 0, 1, 1, 3, 0, 1, 0, 1, 0, 0, 1);
        ReliabilityBin bin7 = calibration.bins().get(7);
        assertThat(bin7).isEqualTo(new ReliabilityBin(7 / 15.0, 8 / 15.0, 3, 1, 0.5));
        assertThat(bin7.accuracy()).isEqualTo(1 / 3.0);
        assertThat(calibration.bins().get(6).meanConfidence()).isEqualTo(A);
        assertThat(calibration.bins().get(0).meanConfidence()).isNaN();
        assertThat(calibration.bins().get(0).accuracy()).isNaN();
    }

    @Test
    void emptyInputGivesNaN() {
        MetricReport report = new MetricAccumulator(191).result();

        assertThat(report.n()).isZero();
        assertThat(report.top1()).isNaN();
        assertThat(report.top5()).isNaN();
        assertThat(report.macroF1()).isNaN();
        assertThat(report.weightedF1()).isNaN();
        assertThat(report.balancedAccuracy()).isNaN();
        assertThat(report.nll()).isNaN();
        assertThat(report.brier()).isNaN();
        assertThat(report.ece()).isNaN();
        assertThat(report.calibration().n()).isZero();
        assertThat(report.calibration().bins()).hasSize(15).allSatisfy(bin -> {
            assertThat(bin.count()).isZero();
            assertThat(bin.meanConfidence()).isNaN();
        });
        assertThat(report.perGeo()).isEmpty();
        assertThat(report.perClass()).isEmpty();
        assertThat(report.confusion().entries()).isEmpty();
        assertThat(report.statusCounts()).containsOnly(Map.entry(OK, 0L), Map.entry(INPUT_ERROR, 0L),
                Map.entry(ADAPTER_ERROR, 0L));
        assertThat(report.toMap()).containsEntry("top1", Double.NaN).containsEntry("nll", Double.NaN);
    }

    @Test
    void itemsWithoutProbabilitiesHaveNoCalibration() {
        MetricReport report = new MetricAccumulator(3)
                .add(ScoredItem.ok(0, Geo.LT, new int[] {0, 1, 2}))
                .add(ScoredItem.failed(1, Geo.LT, INPUT_ERROR))
                .result();

        assertThat(report.top1()).isEqualTo(0.5);
        assertThat(report.calibration().n()).isZero();
        assertThat(report.nll()).isNaN();
        assertThat(report.brier()).isNaN();
        assertThat(report.ece()).isNaN();
    }

    @Test
    void failingIsNeverBetterThanAnsweringWrong() {
        int[] wrong = {1, 2, 3, 4, 0};
        MetricReport answered = new MetricAccumulator(10).add(ScoredItem.ok(0, Geo.ES, wrong)).result();
        MetricReport failed = new MetricAccumulator(10).add(ScoredItem.failed(0, Geo.ES, ADAPTER_ERROR)).result();

        // The wrong answer still has class 0 in its top 5; the failure has no top 5 at all.
        assertThat(answered.overall()).isEqualTo(new TopKAccuracy(1, 0, 1));
        assertThat(failed.overall()).isEqualTo(new TopKAccuracy(1, 0, 0));
        assertThat(failed.perGeo()).containsExactly(Map.entry(Geo.ES, new TopKAccuracy(1, 0, 0)));
        assertThat(failed.perClass()).containsExactly(new ClassMetrics(0, 1, 0, 0));
        assertThat(failed.balancedAccuracy()).isZero();
        assertThat(failed.macroF1()).isZero();
        assertThat(failed.statusCounts()).containsEntry(ADAPTER_ERROR, 1L).containsEntry(OK, 0L);
        assertThat(failed.confusion().entries()).isEmpty();
    }

    @Test
    void nllClipsTheTrueProbability() {
        MetricReport zero = new MetricAccumulator(2).add(ScoredItem.ok(0, Geo.HU, new int[] {1, 0}, new float[] {0f, 1f}))
                .result();
        MetricReport one = new MetricAccumulator(2).add(ScoredItem.ok(0, Geo.HU, new int[] {0, 1}, new float[] {1f, 0f}))
                .result();

        assertThat(zero.nll()).isEqualTo(-Math.log(1e-15));
        assertThat(zero.nll()).isCloseTo(34.538776394910684, within(TOLERANCE));
        // Sums are kept to 2^-80 (about 8e-25): exact for large terms, truncated for tiny ones.
        assertThat(one.nll()).isCloseTo(-Math.log(1 - 1e-15), within(1e-24));
        assertThat(zero.brier()).isEqualTo(2.0);
        assertThat(one.brier()).isZero();
    }

    @Test
    void brierSumsOverAllClasses() {
        MetricReport report = new MetricAccumulator(3)
                .add(ScoredItem.ok(2, Geo.GR, new int[] {0, 1, 2}, new float[] {0.5f, 0.25f, 0.25f}))
                .result();

        // 0.5^2 + 0.25^2 + (0.25 - 1)^2
        assertThat(report.brier()).isEqualTo(0.875);
    }

    @Test
    void binsAreClosedAboveAtTheirEdges() {
        assertThat(MetricAccumulator.binOf(0.0)).isZero();
        assertThat(MetricAccumulator.binOf(Double.MIN_VALUE)).isZero();
        for (int b = 1; b <= 15; b++) {
            double edge = b / 15.0;
            assertThat(MetricAccumulator.binOf(edge)).as("edge %d/15", b).isEqualTo(b - 1);
            assertThat(MetricAccumulator.binOf(Math.nextDown(edge))).as("below %d/15", b).isEqualTo(b - 1);
            if (b < 15) {
                assertThat(MetricAccumulator.binOf(Math.nextUp(edge))).as("above %d/15", b).isEqualTo(b);
            }
        }
        assertThat(MetricAccumulator.binOf((double) 0.4f)).isEqualTo(6);
        assertThat(MetricAccumulator.binOf((double) Math.nextDown(0.4f))).isEqualTo(5);
    }

    @Test
    void fewerClassesThanFiveStoreAllOfThem() {
        MetricReport report = new MetricAccumulator(2).add(ScoredItem.ok(1, Geo.SI, new int[] {0, 1})).result();

        assertThat(report.overall()).isEqualTo(new TopKAccuracy(1, 0, 1));
        assertThatThrownBy(() -> new MetricAccumulator(2).add(ScoredItem.ok(1, Geo.SI, new int[] {0})))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected 2 top classes, got 1");
    }

    @Test
    void rejectsInvalidItemsAndStaysUnchanged() {
        MetricAccumulator accumulator = new MetricAccumulator(6).addAll(handItems());
        MetricReport before = accumulator.result();
        int[] top = {0, 1, 2, 3, 4};
        float[] p = {0.5f, 0.5f, 0f, 0f, 0f, 0f};

        assertThatThrownBy(() -> accumulator.add(6, Geo.CZ, OK, top, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("true class 6 is not in 0..5");
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, OK, new int[] {0, 1, 2, 3}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected 5 top classes, got 4");
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, OK, new int[] {0, 1, 2, 3, 1}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("top class 1 is listed twice");
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, OK, new int[] {0, 1, 2, 3, -1}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("top class -1 is not in 0..5");
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, OK, top, new float[] {1f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected 6 probabilities, got 1");
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, OK, top, new float[] {0.5f, 0.5f, Float.NaN, 0f, 0f, 0f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("probability of class 2 is NaN, not in [0, 1]");
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, OK, top, new float[] {0.5f, 0.5f, 0f, 0f, 0f, 1.5f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("probability of class 5 is 1.5, not in [0, 1]");
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, INPUT_ERROR, top, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("INPUT_ERROR item carries predictions; they must be null");
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, ADAPTER_ERROR, null, p))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, OK, null, p)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> accumulator.add(0, null, OK, top, p)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> accumulator.add(0, Geo.CZ, null, top, p)).isInstanceOf(NullPointerException.class);

        assertThatThrownBy(() -> ScoredItem.failed(0, Geo.CZ, OK)).isInstanceOf(IllegalArgumentException.class);

        assertThat(accumulator.result()).isEqualTo(before);
    }

    @Test
    void rejectsUnusableClassCounts() {
        assertThatThrownBy(() -> new MetricAccumulator(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricAccumulator(6).merge(new MetricAccumulator(7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot merge 7 classes into 6");
    }

    @Test
    void shardsMergeToOnePassToTheBit() {
        List<ScoredItem> items = randomItems(new Random(11), 3_000, 191);
        MetricAccumulator onePass = new MetricAccumulator(191).addAll(items);

        MetricAccumulator[] shards = {new MetricAccumulator(191), new MetricAccumulator(191), new MetricAccumulator(191)};
        for (int i = 0; i < items.size(); i++) {
            shards[i % 3].add(items.get(i));
        }
        MetricReport merged = new MetricAccumulator(191).merge(shards[2]).merge(shards[0]).merge(shards[1]).result();

        assertThat(merged).isEqualTo(onePass.result());
        assertThat(merged.toMap()).isEqualTo(onePass.result().toMap());
        assertThat(Double.doubleToRawLongBits(merged.nll())).isEqualTo(Double.doubleToRawLongBits(onePass.result().nll()));
        assertThat(merged.calibration().n()).isPositive();
        // Merging leaves the merged accumulators unchanged.
        assertThat(shards[0].count() + shards[1].count() + shards[2].count()).isEqualTo(3_000);
    }

    @Test
    void toMapHasTheExportKeys() {
        Map<String, Object> map = new MetricAccumulator(6).addAll(handItems()).result().toMap();

        assertThat(map).containsKeys("top1", "top5", "macro_f1", "weighted_f1", "balanced_accuracy", "per_language",
                "per_class", "nll", "brier", "ece", "calibration_n", "reliability_bins", "confusion", "status_counts");
        assertThat(map.get("per_language")).isEqualTo(Map.of(
                "cz", Map.of("n", 4L, "top1", 0.5, "top1_hits", 2L, "top5", 0.75, "top5_hits", 3L),
                "sk", Map.of("n", 4L, "top1", 0.25, "top1_hits", 1L, "top5", 0.5, "top5_hits", 2L),
                "tr", Map.of("n", 4L, "top1", 0.5, "top1_hits", 2L, "top5", 1.0, "top5_hits", 4L)));
        assertThat(List.copyOf(((Map<?, ?>) map.get("per_class")).keySet())).isEqualTo(List.of("0", "1", "2", "3", "5"));
        assertThat(map.get("status_counts")).isEqualTo(Map.of("ok", 10L, "input_error", 1L, "adapter_error", 1L));
    }

    @Test
    void scoredItemsCompareArrayContents() {
        ScoredItem item = ScoredItem.ok(1, Geo.BG, new int[] {1, 0}, new float[] {0.25f, 0.75f});

        assertThat(item).isEqualTo(ScoredItem.ok(1, Geo.BG, new int[] {1, 0}, new float[] {0.25f, 0.75f}))
                .hasSameHashCodeAs(ScoredItem.ok(1, Geo.BG, new int[] {1, 0}, new float[] {0.25f, 0.75f}))
                .isNotEqualTo(ScoredItem.ok(1, Geo.BG, new int[] {1, 0}, new float[] {0.5f, 0.5f}))
                .isNotEqualTo(ScoredItem.ok(1, Geo.BG, new int[] {1, 0}));
    }

    /** Random stored predictions: about 3% failed, about half with probabilities. */
    static List<ScoredItem> randomItems(Random random, int n, int numClasses) {
        Geo[] geos = Geo.values();
        List<ScoredItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int trueClass = random.nextInt(numClasses);
            Geo geo = geos[random.nextInt(geos.length)];
            double draw = random.nextDouble();
            if (draw < 0.015) {
                items.add(ScoredItem.failed(trueClass, geo, INPUT_ERROR));
                continue;
            }
            if (draw < 0.03) {
                items.add(ScoredItem.failed(trueClass, geo, ADAPTER_ERROR));
                continue;
            }
            float[] logits = new float[numClasses];
            for (int c = 0; c < numClasses; c++) {
                logits[c] = (float) (random.nextGaussian() * 2);
            }
            logits[trueClass] += 3f;
            float[] probabilities = Scores.softmax(logits);
            int[] top = Scores.topK(probabilities, MetricAccumulator.TOP_K);
            items.add(random.nextBoolean() ? ScoredItem.ok(trueClass, geo, top, probabilities)
                    : ScoredItem.ok(trueClass, geo, top));
        }
        return items;
    }
}
