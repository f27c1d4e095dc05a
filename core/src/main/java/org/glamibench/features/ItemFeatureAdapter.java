package org.glamibench.features;

import java.util.Optional;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.ModelAdapter;

/**
 * A built-in adapter that reads precomputed per-item features (the published EmbraceNet's text
 * features, say). Adapters never see item ids, so the harness does the join: after {@code open} it
 * asks for the table, looks up each item's row by item id, records an item without a row as an
 * input error, and calls {@link #prepare(ItemInput, float[])} with the row. The harness honours this
 * only for adapters on its own class path, never for an adapter from a jar.
 *
 * @param <P> the adapter's prepared input
 */
@SuppressWarnings("try") // close() throws Exception, as ModelAdapter's does
public interface ItemFeatureAdapter<P> extends ModelAdapter<P> {

    /**
     * The table to join, called once after {@code open}; empty when the adapter needs none. The
     * adapter owns the table and closes it in {@code close}.
     */
    Optional<ItemFeatureTable> itemFeatures();

    /**
     * Turns one item and its features row into model input; thread-safe like {@link #prepare(ItemInput)}.
     *
     * @throws Exception for an item that cannot be prepared: recorded as an adapter error
     */
    P prepare(ItemInput item, float[] features) throws Exception;
}
