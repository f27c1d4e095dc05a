package org.glamibench.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.features.ItemFeatureAdapter;
import org.glamibench.features.ItemFeatureTable;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.image.ImageFile;
import org.glamibench.image.JpegDecoder;
import org.glamibench.image.RgbImage;
import org.glamibench.store.ItemStatus;

/**
 * Turns batches of rows into prepared batches on a pool of worker threads, a bounded number of batches
 * ahead of the consumer: image loading, decoding and {@link ModelAdapter#prepare} of the next
 * batches overlap the model's work on the current one, and memory stays bounded whatever the
 * split size. Batches come out in split order. Not thread-safe: one consumer thread.
 *
 * <p>The queue follows the batch size: each batch is cut into up to {@code threads} chunks prepared
 * in parallel (so that one big batch, as a GPU wants, keeps every worker busy), and
 * {@link #batchesAhead} batches are kept in flight: about {@code 2 * threads} items for small
 * batches, two batches (the next one prepared while the model runs the current one) for big ones.
 *
 * <p>With a table of per-item features (a built-in {@link ItemFeatureAdapter}'s), each item's row
 * is looked up by item id and handed to the adapter with the item.
 *
 * <p>A missing, unreadable or truncated image, or an item the features table has no row for, makes
 * its item an {@link ItemStatus#INPUT_ERROR}; an exception from {@code prepare} an
 * {@link ItemStatus#ADAPTER_ERROR}. Neither stops the run.
 *
 * @param <P> the adapter's prepared input type
 */
final class InputPipeline<P> implements AutoCloseable {
    private static final int CLOSE_WAIT_SECONDS = 60;

    private final List<List<GlamiRow>> batches;
    private final DatasetLayout layout;
    private final ModelAdapter<P> adapter;
    private final boolean readsImage;
    private final ItemFeatureTable features;
    private final int threads;
    private final int ahead;
    private final ExecutorService workers;
    private final ThreadLocal<JpegDecoder> decoders = ThreadLocal.withInitial(JpegDecoder::new);
    private final Deque<List<Future<PreparedBatch<P>>>> inFlight = new ArrayDeque<>();
    private int nextBatch;
    private volatile boolean closed;

    /**
     * @param batches   the batches to prepare, in order, each not empty
     * @param features  the features table to join, for an {@link ItemFeatureAdapter}; null for none
     * @param threads   worker threads, at least 1; {@link #batchesAhead} batches (of the first
     *                  batch's size) are kept ahead
     */
    InputPipeline(List<List<GlamiRow>> batches, DatasetLayout layout, ModelAdapter<P> adapter, ItemFeatureTable features,
                  int threads) {
        if (features != null && !(adapter instanceof ItemFeatureAdapter<?>)) {
            throw new IllegalArgumentException("adapter " + adapter.descriptor().name() + " reads no item features");
        }
        this.batches = batches;
        this.layout = layout;
        this.adapter = adapter;
        this.features = features;
        this.readsImage = adapter.descriptor().modality().readsImage();
        this.threads = threads;
        this.ahead = batchesAhead(batches.isEmpty() ? 1 : batches.get(0).size(), threads);
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "glami-bench-input");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The batches kept in flight for a batch size and a number of workers: enough for about
     * {@code 2 * threads} items, and at least two batches (the one the model waits for and the next).
     */
    static int batchesAhead(int batchSize, int threads) {
        return Math.max(2, (2 * threads + batchSize - 1) / batchSize);
    }

    /** Whether {@link #next()} has another batch. */
    boolean hasNext() {
        return nextBatch < batches.size() || !inFlight.isEmpty();
    }

    /**
     * The next batch, waiting for it if needed.
     *
     * @throws IllegalStateException when no batch is left, or a worker failed unexpectedly
     */
    PreparedBatch<P> next() throws InterruptedException {
        while (inFlight.size() < ahead && nextBatch < batches.size()) {
            List<GlamiRow> batch = batches.get(nextBatch++);
            int chunkSize = (batch.size() + threads - 1) / threads;
            List<Future<PreparedBatch<P>>> chunks = new ArrayList<>();
            for (int from = 0; from < batch.size(); from += chunkSize) {
                List<GlamiRow> chunk = batch.subList(from, Math.min(batch.size(), from + chunkSize));
                chunks.add(workers.submit(() -> prepare(chunk)));
            }
            inFlight.add(chunks);
        }
        List<Future<PreparedBatch<P>>> head = inFlight.poll();
        if (head == null) {
            throw new IllegalStateException("no batch left");
        }
        List<GlamiRow> batchRows = new ArrayList<>();
        List<P> prepared = new ArrayList<>();
        List<ItemFailure> failures = new ArrayList<>();
        try {
            for (Future<PreparedBatch<P>> chunk : head) {
                PreparedBatch<P> part = chunk.get();
                batchRows.addAll(part.rows());
                prepared.addAll(part.prepared());
                failures.addAll(part.failures());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("input pipeline failed: " + e.getCause(), e.getCause());
        }
        return new PreparedBatch<>(batchRows, prepared, failures);
    }

    private PreparedBatch<P> prepare(List<GlamiRow> batch) {
        List<P> prepared = new ArrayList<>(batch.size());
        List<ItemFailure> failures = new ArrayList<>(batch.size());
        for (GlamiRow row : batch) {
            if (closed) {
                throw new CancellationException("the input pipeline is closed");
            }
            P input = null;
            ItemFailure failure = null;
            try {
                float[] featureRow = features == null ? null : features.row(row.itemId());
                if (features != null && featureRow == null) {
                    failure = new ItemFailure(ItemStatus.INPUT_ERROR, "item_id " + row.itemId() + " has no row in "
                            + features.dir().resolve(ItemFeatureTable.ITEM_IDS));
                } else {
                    RgbImage image = readsImage ? decode(row) : null;
                    input = prepareItem(new ItemInput(image, row.name(), row.description(), row.geo(),
                            row.labelSource()), featureRow);
                }
            } catch (ImageDecodeException e) {
                failure = new ItemFailure(ItemStatus.INPUT_ERROR, "images/" + row.imageId() + ".jpg: " + e.problem());
            } catch (AdapterFailure e) {
                failure = new ItemFailure(ItemStatus.ADAPTER_ERROR, e.getMessage());
            }
            prepared.add(input);
            failures.add(failure);
        }
        return new PreparedBatch<>(batch, prepared, failures);
    }

    private RgbImage decode(GlamiRow row) throws ImageDecodeException {
        return RgbImage.of(decoders.get().decode(ImageFile.read(layout.image(row.imageId()))));
    }

    @SuppressWarnings("unchecked")
    private P prepareItem(ItemInput input, float[] featureRow) throws AdapterFailure {
        try {
            return featureRow == null ? adapter.prepare(input)
                    : ((ItemFeatureAdapter<P>) adapter).prepare(input, featureRow);
        } catch (Exception | LinkageError | StackOverflowError e) {
            throw new AdapterFailure("adapter " + adapter.descriptor().name() + ": prepare threw " + e);
        }
    }

    /**
     * Stops preparing and waits until no worker is inside the adapter's {@code prepare} any more,
     * so that the adapter may be closed next. Batches not taken are dropped.
     *
     * @throws IllegalStateException when a {@code prepare} call is still running after
     *                               {@value #CLOSE_WAIT_SECONDS} seconds
     */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("adapter " + adapter.descriptor().name() + ": prepare still runs "
                        + CLOSE_WAIT_SECONDS + " s after the run stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An adapter's prepare failed for one item. */
    private static final class AdapterFailure extends Exception {
        AdapterFailure(String message) {
            super(message, null, false, false);
        }
    }
}
