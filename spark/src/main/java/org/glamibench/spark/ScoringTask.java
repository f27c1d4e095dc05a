package org.glamibench.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.eval.ScoredOutcome;

/**
 * One Spark task: scores the whole batches its partition holds with an adapter of this JVM's pool
 * ({@link ExecutorSessions}) and returns their outcomes. Outcomes leave the executor only with the
 * finished task, so a failed or killed task stores nothing, and its retry scores the partition
 * again from the start. An adapter error on an item is that item's outcome, as in a local run.
 */
final class ScoringTask implements FlatMapFunction<Iterator<ScoringTask.Input>, ScoringTask.Output> {
    private static final long serialVersionUID = 1L;

    /**
     * A partition's work.
     *
     * @param partition its index
     * @param batches   its batches, in the wave's order
     */
    record Input(int partition, List<Batch> batches) implements Serializable {
    }

    /**
     * A batch and its place in the run.
     *
     * @param index the batch's position among the run's batches
     * @param rows  its items, in order
     */
    record Batch(int index, List<ItemRow> rows) implements Serializable {
    }

    /**
     * A finished task.
     *
     * @param partition      its partition
     * @param batches        the batches' indices, in order
     * @param outcomes       each batch's outcomes, same order
     * @param items          items scored
     * @param seconds        the task's time on the executor, adapter opening included
     * @param adapter        what the adapter said of itself
     * @param openSeconds    seconds opening the adapter; 0 when an open one was reused
     * @param adapterSeconds seconds inside {@code predict}
     * @param waitSeconds    seconds waiting for the input pipeline
     */
    record Output(int partition, int[] batches, List<List<ScoredOutcome>> outcomes, long items, double seconds,
                  OpenedAdapter adapter, double openSeconds, double adapterSeconds, double waitSeconds)
            implements Serializable {
    }

    private final ExecutorJob job;

    ScoringTask(ExecutorJob job) {
        this.job = job;
    }

    @Override
    public Iterator<Output> call(Iterator<Input> inputs) throws InterruptedException {
        List<Output> outputs = new ArrayList<>();
        while (inputs.hasNext()) {
            Input input = inputs.next();
            if (!input.batches().isEmpty()) {
                outputs.add(score(input));
            }
        }
        return outputs.iterator();
    }

    private Output score(Input input) throws InterruptedException {
        long start = System.nanoTime();
        ExecutorSessions.Pooled pooled = ExecutorSessions.borrow(job);
        try {
            double adapterBefore = pooled.session().adapterSeconds();
            double waitBefore = pooled.session().pipelineWaitSeconds();
            long itemsBefore = pooled.session().items();
            List<List<GlamiRow>> batches = new ArrayList<>(input.batches().size());
            int[] indices = new int[input.batches().size()];
            for (int i = 0; i < indices.length; i++) {
                Batch batch = input.batches().get(i);
                indices[i] = batch.index();
                batches.add(batch.rows().stream().map(ItemRow::row).toList());
            }
            List<List<ScoredOutcome>> outcomes = new ArrayList<>(indices.length);
            pooled.session().score(batches, outcomes::add);
            Output output = new Output(input.partition(), indices, outcomes, pooled.session().items() - itemsBefore,
                    (System.nanoTime() - start) / 1e9, OpenedAdapter.of(pooled.session()),
                    pooled.fresh() ? pooled.session().openSeconds() : 0,
                    pooled.session().adapterSeconds() - adapterBefore,
                    pooled.session().pipelineWaitSeconds() - waitBefore);
            ExecutorSessions.giveBack(pooled);
            return output;
        } catch (InterruptedException | RuntimeException | Error e) {
            ExecutorSessions.discard(pooled, e);
            throw e;
        }
    }
}
