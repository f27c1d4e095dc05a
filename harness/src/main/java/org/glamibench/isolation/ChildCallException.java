package org.glamibench.isolation;

/**
 * A call into an adapter's child JVM failed. When the adapter itself threw there, the message and
 * {@link #toString()} are those of the adapter's throwable (so that a run records the same text as
 * in process); otherwise both say how the child failed.
 */
public final class ChildCallException extends Exception {
    private final boolean itemByItem;
    private final String text;

    /**
     * @param message    the message: the adapter's throwable's message, or how the child failed
     * @param text       the adapter's throwable's {@code toString()}; null when the child failed
     * @param itemByItem whether scoring the batch's items one at a time may still work: true when
     *                   the adapter threw (the child lives on), false when the child itself failed
     */
    ChildCallException(String message, String text, boolean itemByItem) {
        super(message, null, false, false);
        this.text = text;
        this.itemByItem = itemByItem;
    }

    /**
     * Whether the batch's items are worth retrying one by one; when false they all fail with this
     * message.
     */
    public boolean itemByItem() {
        return itemByItem;
    }

    /** Whether the adapter threw in the child (rather than the child failing). */
    public boolean adapterThrew() {
        return text != null;
    }

    /** The adapter's throwable as {@code toString()} gave it in the child, else the message. */
    @Override
    public String toString() {
        return text != null ? text : getMessage();
    }
}
