package org.glamibench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.glamibench.dataset.Geo;
import org.junit.jupiter.api.Test;

class BootstrapIntervalsTest {
    private static final int N = 3_000;
    private static final int CLASSES = 12;

    @Test
    void percentileEqualsNumpyLinearInterpolation() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/stats/percentile.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        double[] values = new double[fixture.get("values").size()];
        Arrays.setAll(values, i -> fixture.get("values").get(i).asDouble());
        Arrays.sort(values);
        for (int q = 0; q < fixture.get("quantiles").size(); q++) {
            assertThat(Interval.quantile(values, fixture.get("quantiles").get(q).asDouble()))
                    .isCloseTo(fixture.get("expected").get(q).asDouble(), within(1e-12));
        }
    }

    @Test
    void pointEstimatesAreTheObservedMetricsAndIntervalsContainThem() {
        Run run = Run.random(1);
        BootstrapReport report = run.bootstrap(1000, 11);

        long hits = 0;
        for (int i = 0; i < N; i++) {
            hits += run.top1[i] == run.truth[i] ? 1 : 0;
        }
        Interval top1 = report.overall().get("top1");
        assertThat(top1.estimate()).isEqualTo((double) hits / N);
        assertThat(top1.lower()).isLessThan(top1.estimate());
        assertThat(top1.upper()).isGreaterThan(top1.estimate());
        // Binomial standard error sqrt(p(1-p)/n); the 95% interval spans about 3.92 of them around
        // the estimate. (Overlapping resamples once made it narrow and off-centre.)
        double se = Math.sqrt(top1.estimate() * (1 - top1.estimate()) / N);
        assertThat(top1.upper() - top1.lower()).isCloseTo(3.92 * se, within(0.4 * se));
        assertThat((top1.upper() + top1.lower()) / 2).isCloseTo(top1.estimate(), within(0.3 * se));
        assertThat(report.perGeo()).hasSize(13);
        assertThat(report.overall().get("macro_f1").estimate()).isBetween(0.0, 1.0);
    }

    @Test
    void sameSeedSameIntervalsWhateverTheThreads() {
        Run run = Run.random(2);
        BootstrapReport parallel = run.bootstrap(200, 5);
        BootstrapReport again = run.bootstrap(200, 5);

        assertThat(again).isEqualTo(parallel);
        assertThat(run.bootstrap(200, 6)).isNotEqualTo(parallel);
    }

    @Test
    void aPerfectModelHasADegenerateInterval() {
        Run run = Run.random(3);
        int[] perfect = run.truth.clone();
        boolean[] all = new boolean[N];
        Arrays.fill(all, true);
        BootstrapReport report = BootstrapIntervals.compute(run.geos, run.truth, perfect, all, CLASSES, 100, 0.95, 1);

        assertThat(report.overall().get("top1")).isEqualTo(new Interval(1, 1, 1));
        assertThat(report.overall().get("macro_f1")).isEqualTo(new Interval(1, 1, 1));
    }

    @Test
    void macroF1CountsClassesInTruthOrPredictions() {
        // Class 0: tp 1, support 2, predicted 1 -> F1 2/3; class 1: support 0, predicted 1 -> 0; class 2 absent.
        assertThat(BootstrapIntervals.macroF1(new int[] {2, 0, 0}, new int[] {1, 1, 0}, new int[] {1, 0, 0}))
                .isEqualTo((2.0 / 3) / 2);
    }

    /** A synthetic scored run: about 60% top-1, 85% top-5, 2% failed items. */
    record Run(Geo[] geos, int[] truth, int[] top1, boolean[] top5) {
        static Run random(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Geo[] geos = new Geo[N];
            int[] truth = new int[N];
            int[] top1 = new int[N];
            boolean[] top5 = new boolean[N];
            for (int i = 0; i < N; i++) {
                geos[i] = Geo.values()[random.nextInt(13)];
                truth[i] = random.nextInt(CLASSES);
                double u = random.nextDouble();
                top1[i] = u < 0.02 ? -1 : u < 0.62 ? truth[i] : random.nextInt(CLASSES);
                top5[i] = top1[i] == truth[i] || (top1[i] >= 0 && random.nextDouble() < 0.6);
            }
            return new Run(geos, truth, top1, top5);
        }

        BootstrapReport bootstrap(int resamples, long seed) {
            return BootstrapIntervals.compute(geos, truth, top1, top5, CLASSES, resamples, 0.95, seed);
        }
    }
}
