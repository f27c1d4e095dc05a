package org.glamibench.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.eval.EvaluationException;
import org.glamibench.eval.Evaluator;
import org.glamibench.eval.RequestRefusedException;
import org.glamibench.eval.ScoredOutcome;
import org.glamibench.eval.Scorer;
import org.glamibench.eval.ScoringJob;
import org.glamibench.eval.ScoringReport;
import org.glamibench.harness.AdapterRecipe;
import org.glamibench.run.RunResult;
import org.glamibench.stats.SeedMix;

/**
 * Scores a run's batches on Spark, from the driver. The batches are the evaluator's, formed exactly
 * as for a local run; they go out in waves (one Spark job each) of {@code partitions x}
 * {@value #BATCHES_PER_TASK} consecutive batches, each batch to the partition chosen by a stable
 * hash of its first item_id (whole batches, so every predict call sees the items a local run's
 * does). Each wave's outcomes go into the store in batch order before the next wave starts: a
 * killed driver loses at most the wave in flight and resumes from the store, and predictions.csv
 * comes out byte-identical to a local run's.
 */
final class SparkScorer implements Scorer {
    /** Batches per task in a wave: enough to hide a task's start, few enough to checkpoint often. */
    static final int BATCHES_PER_TASK = 8;

    private final JavaSparkContext spark;
    private final AdapterRecipe recipe;
    private final int partitions;

    /**
     * @param recipe     how to make the adapter, its jars named as shipped with the application
     * @param partitions partitions per wave, at least 1
     */
    SparkScorer(JavaSparkContext spark, AdapterRecipe recipe, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        this.spark = spark;
        this.recipe = recipe;
        this.partitions = partitions;
    }

    /** The partition of a batch: a stable hash of its first item_id. */
    static int partitionOf(List<GlamiRow> batch, int partitions) {
        return (int) Math.floorMod(SeedMix.mix64(batch.get(0).itemId()), (long) partitions);
    }

    @Override
    public ScoringReport score(ScoringJob job, Consumer<List<ScoredOutcome>> store) throws InterruptedException {
        if (job.batches().isEmpty()) {
            // Every item is stored already: open the adapter here for its descriptor, score nothing.
            return Evaluator.IN_THIS_JVM.score(job, store);
        }
        String key = job.runDir().toAbsolutePath() + "#" + UUID.randomUUID();
        ScoringTask task = new ScoringTask(ExecutorJob.of(key, recipe, job));
        int slots = spark.defaultParallelism();
        List<List<GlamiRow>> batches = job.batches();
        int perWave = partitions * BATCHES_PER_TASK;
        List<ScoringTask.Output> done = new ArrayList<>();
        int waves = 0;
        long start = System.nanoTime();
        try {
            for (int first = 0; first < batches.size(); first += perWave) {
                List<ScoringTask.Output> outputs = runWave(task, batches, first, Math.min(batches.size(), first + perWave));
                storeInOrder(outputs, store);
                done.addAll(outputs);
                waves++;
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted after wave " + waves);
                }
            }
        } finally {
            ExecutorSessions.closeRun(key);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        OpenedAdapter adapter = done.get(0).adapter();
        double[] taskSeconds = done.stream().mapToDouble(ScoringTask.Output::seconds).sorted().toArray();
        double[] taskItems = done.stream().mapToDouble(ScoringTask.Output::items).sorted().toArray();
        job.progress().println(String.format(Locale.ROOT,
                "spark: %d %s, %d tasks on %d partitions and %d slots; per task median %.0f items in %.3f s, slowest %.3f s",
                waves, waves == 1 ? "wave" : "waves", done.size(), partitions, slots, median(taskItems), median(taskSeconds),
                taskSeconds[taskSeconds.length - 1]));
        return new ScoringReport(adapter.descriptor(), adapter.configuration(), adapter.engineInfo(), wall,
                done.stream().mapToDouble(ScoringTask.Output::openSeconds).max().orElse(0),
                done.stream().mapToLong(ScoringTask.Output::items).sum(),
                done.stream().mapToDouble(ScoringTask.Output::adapterSeconds).sum(),
                done.stream().mapToDouble(ScoringTask.Output::waitSeconds).sum(),
                new RunResult.Execution("spark", spark.master(), partitions, slots, waves, done.size(),
                        median(taskItems), median(taskSeconds), taskSeconds[taskSeconds.length - 1]));
    }

    private List<ScoringTask.Output> runWave(ScoringTask task, List<List<GlamiRow>> batches, int from, int to) {
        List<List<ScoringTask.Batch>> assigned = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            assigned.add(new ArrayList<>());
        }
        for (int b = from; b < to; b++) {
            List<GlamiRow> batch = batches.get(b);
            assigned.get(partitionOf(batch, partitions))
                    .add(new ScoringTask.Batch(b, batch.stream().map(ItemRow::of).toList()));
        }
        List<ScoringTask.Input> inputs = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            inputs.add(new ScoringTask.Input(p, assigned.get(p)));
        }
        try {
            // One element per slice: partition p holds exactly inputs[p].
            return spark.parallelize(inputs, partitions).mapPartitions(task).collect();
        } catch (Exception e) { // collect() throws Spark's checked SparkException undeclared
            throw failure(e);
        }
    }

    /** Stores the wave's outcomes in batch order, each batch once. */
    private static void storeInOrder(List<ScoringTask.Output> outputs, Consumer<List<ScoredOutcome>> store) {
        List<long[]> order = new ArrayList<>();
        for (int t = 0; t < outputs.size(); t++) {
            int[] indices = outputs.get(t).batches();
            for (int i = 0; i < indices.length; i++) {
                order.add(new long[] {indices[i], t, i});
            }
        }
        order.sort((a, b) -> Long.compare(a[0], b[0]));
        Set<Long> seen = new HashSet<>();
        for (long[] entry : order) {
            if (!seen.add(entry[0])) {
                throw new IllegalStateException("batch " + entry[0] + " came back twice from one wave");
            }
            store.accept(outputs.get((int) entry[1]).outcomes().get((int) entry[2]));
        }
    }

    /** A failed Spark job in the harness's terms: the task's own exception where Spark kept it. */
    private static RuntimeException failure(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestRefusedException refused) {
                return refused;
            }
            if (cause instanceof EvaluationException failed) {
                return failed;
            }
        }
        return e instanceof RuntimeException runtime && !(e.getCause() instanceof SparkException) ? runtime
                : new EvaluationException("the Spark job failed: " + e.getMessage(), e);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

}
