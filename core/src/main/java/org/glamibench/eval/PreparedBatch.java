package org.glamibench.eval;

import java.util.List;
import org.glamibench.dataset.GlamiRow;

/**
 * One batch as the input pipeline hands it to the adapter thread: the rows, in order, and for
 * each either its prepared model input or why it has none.
 *
 * @param rows     the items of the batch, in split order
 * @param prepared for each row, the adapter's prepared input; null where {@link #failures} has one
 * @param failures for each row, null or the failure that keeps it from the model
 * @param <P>      the adapter's prepared input type
 */
record PreparedBatch<P>(List<GlamiRow> rows, List<P> prepared, List<ItemFailure> failures) {
}
