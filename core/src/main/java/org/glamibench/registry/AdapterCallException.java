package org.glamibench.registry;

/**
 * A call into an adapter that the harness hosts apart from itself (in a child JVM, see
 * {@code org.glamibench.isolation}) failed: the adapter threw there, or its host failed. The
 * message is worded as a run records the problem after {@code "adapter NAME: "}, the same as in
 * process where there is an equivalent ({@code predict threw ...}, {@code prepare threw ...}; for
 * open and close, the adapter's own message); otherwise it says how the host failed
 * ({@code its JVM exited with code 7 while ...}).
 */
public final class AdapterCallException extends Exception {
    private final boolean itemByItem;
    private final String text;

    /**
     * @param message    the problem, as described above
     * @param text       the adapter's throwable's {@code toString()} where it ran; null when the
     *                   host failed
     * @param itemByItem whether scoring the batch's items one at a time may still work: true when
     *                   the adapter threw (its host lives on), false when the host itself failed
     */
    public AdapterCallException(String message, String text, boolean itemByItem) {
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

    /** Whether the adapter threw (rather than its host failing). */
    public boolean adapterThrew() {
        return text != null;
    }

    /** The adapter's throwable as {@code toString()} gave it where it ran, else the message. */
    @Override
    @SuppressWarnings("OverrideThrowableToString") // reproduces the adapter's "Class: message", which getMessage() must not
    public String toString() {
        return text != null ? text : getMessage();
    }
}
