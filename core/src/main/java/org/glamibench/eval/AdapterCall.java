package org.glamibench.eval;

import java.util.ArrayList;
import java.util.List;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.metrics.Scores;
import org.glamibench.registry.AdapterCallException;
import org.glamibench.registry.ScoreCheck;
import org.glamibench.store.ItemStatus;

/**
 * Calls the adapter, checks its output at the boundary, retries failed batches item by item
 * (except a batch on which an adapter's child JVM failed: it was already retried in a fresh
 * child, and its items are failed together).
 */
final class AdapterCall<P> implements AutoCloseable {
    /** The outcome of one item: probabilities, or a failure. */
    record ItemOutcome(float[] probabilities, ItemFailure failure) {
    }

    private final ModelAdapter<P> adapter;
    private AdapterDescriptor descriptor;
    private final int classes;
    private long predictNanos;
    private ItemFailure lastFailure;
    /** Whether the last failed batch is worth retrying item by item (not when its child JVM failed). */
    private boolean lastFailureItemByItem;

    AdapterCall(ModelAdapter<P> adapter, AdapterDescriptor descriptor, int classes) {
        this.adapter = adapter;
        this.descriptor = descriptor;
        this.classes = classes;
    }

    /** Opens the adapter; from then on its descriptor is the one it gives after opening. */
    void open(AdapterContext context) {
        try {
            adapter.open(context);
        } catch (IllegalArgumentException e) {
            throw new RequestRefusedException("adapter " + descriptor.name() + " failed to open: " + e.getMessage(), e);
        } catch (Exception | LinkageError e) {
            throw new EvaluationException("adapter " + descriptor.name() + " failed to open: " + e.getMessage(), e);
        }
        AdapterDescriptor opened = adapter.descriptor();
        if (!opened.name().equals(descriptor.name()) || !opened.version().equals(descriptor.version())) {
            throw new EvaluationException("adapter " + descriptor.name() + " " + descriptor.version()
                    + " describes itself as " + opened.name() + " " + opened.version() + " once opened");
        }
        descriptor = opened;
    }

    AdapterDescriptor descriptor() {
        return descriptor;
    }

    long predictNanos() {
        return predictNanos;
    }

    List<ItemOutcome> score(PreparedBatch<P> batch) {
        List<ItemOutcome> outcomes = new ArrayList<>(batch.rows().size());
        List<P> inputs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.rows().size(); i++) {
            outcomes.add(batch.failures().get(i) == null ? null : new ItemOutcome(null, batch.failures().get(i)));
            if (batch.failures().get(i) == null) {
                inputs.add(batch.prepared().get(i));
                positions.add(i);
            }
        }
        if (inputs.isEmpty()) {
            return outcomes;
        }
        List<ItemOutcome> scored = predictChecked(inputs);
        if (scored == null && !lastFailureItemByItem) {
            scored = new ArrayList<>(inputs.size());
            for (int j = 0; j < inputs.size(); j++) {
                scored.add(new ItemOutcome(null, lastFailure));
            }
        } else if (scored == null) {
            scored = new ArrayList<>(inputs.size());
            for (P input : inputs) {
                List<ItemOutcome> single = predictChecked(List.of(input));
                scored.add(single != null ? single.get(0) : new ItemOutcome(null, lastFailure));
            }
        }
        for (int j = 0; j < positions.size(); j++) {
            outcomes.set(positions.get(j), scored.get(j));
        }
        return outcomes;
    }

    /** The checked outcomes of a predict call, or null when it failed (see {@link #lastFailure}). */
    private List<ItemOutcome> predictChecked(List<P> inputs) {
        float[][] scores;
        long start = System.nanoTime();
        lastFailureItemByItem = true;
        try {
            scores = adapter.predict(inputs);
        } catch (AdapterCallException e) {
            lastFailure = failure(e.getMessage());
            lastFailureItemByItem = e.itemByItem();
            return null;
        } catch (Exception | LinkageError | StackOverflowError e) {
            lastFailure = failure("predict threw " + e);
            return null;
        } finally {
            predictNanos += System.nanoTime() - start;
        }
        String problem = ScoreCheck.batchProblem(scores, inputs.size());
        if (problem != null) {
            lastFailure = failure(problem);
            return null;
        }
        List<ItemOutcome> outcomes = new ArrayList<>(inputs.size());
        for (float[] vector : scores) {
            problem = ScoreCheck.itemProblem(vector, classes, descriptor.output());
            if (problem != null) {
                lastFailure = failure(problem);
                return null;
            }
            outcomes.add(new ItemOutcome(descriptor.output() == OutputKind.LOGITS ? Scores.softmax(vector) : vector, null));
        }
        return outcomes;
    }

    private ItemFailure failure(String message) {
        return new ItemFailure(ItemStatus.ADAPTER_ERROR, "adapter " + descriptor.name() + ": " + message);
    }

    @Override
    public void close() {
        try {
            adapter.close();
        } catch (Exception e) {
            throw new EvaluationException("adapter " + descriptor.name() + " failed to close: " + e, e);
        }
    }
}
