package org.glamibench.eval;

import org.glamibench.store.ItemStatus;

/**
 * Why an item got no prediction.
 *
 * @param status  {@link ItemStatus#INPUT_ERROR} or {@link ItemStatus#ADAPTER_ERROR}
 * @param message what went wrong, naming the file or the adapter's problem
 */
public record ItemFailure(ItemStatus status, String message) {
}
