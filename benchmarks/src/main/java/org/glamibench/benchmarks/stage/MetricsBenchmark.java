package org.glamibench.benchmarks.stage;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.glamibench.dataset.Geo;
import org.glamibench.metrics.MetricAccumulator;
import org.glamibench.metrics.MetricReport;
import org.glamibench.metrics.Scores;
import org.glamibench.store.ItemStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole metric pack (top-1/top-5 overall and per language, per-class precision/recall/F1,
 * macro and weighted F1, balanced accuracy, confusion matrix, NLL, Brier, ECE with reliability
 * bins) over a test split the size of GLAMI-1M's: 116,004 items, 191 classes, random full
 * probability vectors, 1% failed items. One thread; scores are items per second.
 *
 * <ul>
 *   <li>{@code fromStoredTopClasses}: from stored predictions as the harness keeps them (top 5
 *       classes and probabilities per item), what recomputing a run's metrics costs;</li>
 *   <li>{@code selectingTopClasses}: the top 5 classes are first chosen from the probabilities,
 *       the same work as scikit-learn's metrics from a score matrix (compare with
 *       {@code src/main/python/sklearn_metrics_timing.py}, same data shape).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MetricsBenchmark.ITEMS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Threads(1)
public class MetricsBenchmark {

    public static final int ITEMS = 116_004;
    static final int CLASSES = 191;
    static final double FAILED_SHARE = 0.01;

    private int[] trueClasses;
    private Geo[] geos;
    private ItemStatus[] statuses;
    private int[][] topClasses;
    private float[][] probabilities;

    @Setup
    public void createSplit() {
        Random random = new Random(20221116);
        Geo[] allGeos = Geo.values();
        trueClasses = new int[ITEMS];
        geos = new Geo[ITEMS];
        statuses = new ItemStatus[ITEMS];
        topClasses = new int[ITEMS][];
        probabilities = new float[ITEMS][];
        int item = 0;
        for (Geo geo : allGeos) {
            for (int row = 0; row < geo.publishedTestRows(); row++, item++) {
                int trueClass = random.nextInt(CLASSES);
                trueClasses[item] = trueClass;
                geos[item] = geo;
                double draw = random.nextDouble();
                if (draw < FAILED_SHARE) {
                    statuses[item] = draw < FAILED_SHARE / 2 ? ItemStatus.INPUT_ERROR : ItemStatus.ADAPTER_ERROR;
                    continue;
                }
                statuses[item] = ItemStatus.OK;
                float[] logits = new float[CLASSES];
                for (int c = 0; c < CLASSES; c++) {
                    logits[c] = (float) (random.nextGaussian() * 2);
                }
                logits[trueClass] += 4f;
                probabilities[item] = Scores.softmax(logits);
                topClasses[item] = Scores.topK(probabilities[item], MetricAccumulator.TOP_K);
            }
        }
    }

    @Benchmark
    public MetricReport fromStoredTopClasses() {
        MetricAccumulator accumulator = new MetricAccumulator(CLASSES);
        for (int i = 0; i < ITEMS; i++) {
            accumulator.add(trueClasses[i], geos[i], statuses[i], topClasses[i], probabilities[i]);
        }
        return accumulator.result();
    }

    @Benchmark
    public MetricReport selectingTopClasses() {
        MetricAccumulator accumulator = new MetricAccumulator(CLASSES);
        for (int i = 0; i < ITEMS; i++) {
            float[] p = probabilities[i];
            int[] top = p == null ? null : Scores.topK(p, MetricAccumulator.TOP_K);
            accumulator.add(trueClasses[i], geos[i], statuses[i], top, p);
        }
        return accumulator.result();
    }
}
