package org.glamibench.models.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.image.ImageProblem;

/**
 * One batch of examples prepared by a worker: the rows kept, their examples, and the rows left
 * out with the reason.
 *
 * @param rows     positions (in {@link TrainingData#rows()}) of the rows kept
 * @param examples their examples, in the same order
 * @param skipped  positions of the rows left out
 * @param problems what was wrong with their photos, in the same order
 * @param reasons  item, file and problem, in the same order, for people
 * @param <E>      the example type
 */
record ExampleBatch<E>(List<Integer> rows, List<E> examples, List<Integer> skipped, List<ImageProblem> problems,
                       List<String> reasons) {

    /** Prepares the examples of the rows at {@code positions}. */
    static <E> ExampleBatch<E> prepare(ExampleSource<E> task, TrainingData data, int[] positions) {
        List<Integer> rows = new ArrayList<>(positions.length);
        List<E> examples = new ArrayList<>(positions.length);
        List<Integer> skipped = new ArrayList<>();
        List<ImageProblem> problems = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int position : positions) {
            try {
                examples.add(task.example(position));
                rows.add(position);
            } catch (ImageDecodeException e) {
                GlamiRow row = data.rows().get(position);
                skipped.add(position);
                problems.add(e.problem());
                reasons.add("item " + row.itemId() + ": images/" + row.imageId() + ".jpg: " + e.problem());
            }
        }
        return new ExampleBatch<>(rows, examples, skipped, problems, reasons);
    }

    /**
     * Batches prepared on a worker pool a bounded number ahead of the consumer, in order. Not
     * thread-safe: one consumer.
     */
    static final class Prefetcher<E> implements AutoCloseable {
        private final ExampleSource<E> task;
        private final TrainingData data;
        private final List<int[]> batches;
        private final ExecutorService workers;
        private final int ahead;
        private final ArrayDeque<Future<ExampleBatch<E>>> inFlight = new ArrayDeque<>();
        private int submitted;

        Prefetcher(ExampleSource<E> task, TrainingData data, List<int[]> batches, ExecutorService workers, int ahead) {
            this.task = task;
            this.data = data;
            this.batches = batches;
            this.workers = workers;
            this.ahead = ahead;
        }

        boolean hasNext() {
            return submitted < batches.size() || !inFlight.isEmpty();
        }

        ExampleBatch<E> next() throws InterruptedException {
            while (inFlight.size() < ahead && submitted < batches.size()) {
                int[] positions = batches.get(submitted++);
                inFlight.add(workers.submit(() -> prepare(task, data, positions)));
            }
            try {
                return inFlight.remove().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("preparing a batch failed: " + e.getCause(), e.getCause());
            }
        }

        /** Cancels the batches not taken. */
        @Override
        public void close() {
            inFlight.forEach(future -> future.cancel(true));
            inFlight.clear();
        }
    }
}
