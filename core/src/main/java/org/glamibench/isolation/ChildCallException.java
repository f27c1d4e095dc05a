package org.glamibench.isolation;

/**
 * A call into an adapter's child JVM failed: the adapter threw there, or the child itself failed.
 * The message is worded as a run records the problem after {@code "adapter NAME: "}, the same as
 * in process where there is an equivalent ({@code predict threw ...}, {@code prepare threw ...};
 * for open and close, the adapter's own message); otherwise it says how the child failed
 * ({@code its JVM exited with code 7 while ...}).
 */
public final class ChildCallException extends Exception {
    private final boolean itemByItem;
    private final String text;

    /**
     * @param message    the problem, as described above
     * @param text       the adapter's throwable's {@code toString()} in the child; null when the
     *                   child failed
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
    @SuppressWarnings("OverrideThrowableToString") // reproduces the child's "Class: message", which getMessage() must not
    public String toString() {
        return text != null ? text : getMessage();
    }
}
