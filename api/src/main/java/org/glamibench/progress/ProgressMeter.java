package org.glamibench.progress;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Progress of one piece of long work (bytes downloaded, files extracted, items evaluated).
 *
 * <p>On a terminal it redraws one line, at most {@value #REDRAWS_PER_SECOND} times a second:
 * <pre>GLAMI-1M-dataset.zip  4.0 MiB / 10.0 MiB  40.0%  2.0 MiB/s  ETA 00:03</pre>
 * or, with an unknown total, amount, rate and elapsed time. Elsewhere it prints nothing until
 * {@link #finish()}, which prints one summary line in both cases:
 * <pre>GLAMI-1M-dataset.zip: 10.0 MiB in 00:05 (2.0 MiB/s)</pre>
 *
 * <p>A meter may carry a short {@link #detail(String) detail} (say, a training loss), shown after
 * the rate on the terminal line and at the end of the summary line.
 *
 * <p>The rate is the average since the meter started, over the amount added to it (an initial
 * amount, such as the part of a resumed download already on disk, is not counted). Create meters
 * with {@link ProgressOutput#meter}. Safe to use from several threads.
 */
public final class ProgressMeter implements AutoCloseable {

    /** Total of a meter that does not know how much work there is. */
    public static final long UNKNOWN_TOTAL = -1;
    /** How often a terminal line is redrawn at most. */
    public static final int REDRAWS_PER_SECOND = 5;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long REDRAW_INTERVAL_NANOS = NANOS_PER_SECOND / REDRAWS_PER_SECOND;
    private static final String[] BINARY_PREFIXES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    private final String label;
    private final Unit unit;
    private final long total;
    private final long initial;
    private final ProgressOutput output;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long done;
    private String detail;
    private long lastDrawNanos;
    private int lastLineLength;
    private boolean ended;

    ProgressMeter(String label, Unit unit, long total, long initial, ProgressOutput output, LongSupplier nanoClock) {
        if (total < UNKNOWN_TOTAL || initial < 0) {
            throw new IllegalArgumentException("total " + total + " and initial " + initial + " must not be negative");
        }
        this.label = Objects.requireNonNull(label, "label");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.total = total;
        this.initial = initial;
        this.output = Objects.requireNonNull(output, "output");
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.done = initial;
        if (output.interactive()) {
            draw(startNanos);
        }
    }

    /**
     * Counts {@code amount} more done; redraws the terminal line when it is due.
     *
     * @param amount how much more work is done, in the meter's unit
     */
    public synchronized void add(long amount) {
        done += amount;
        if (output.interactive() && !ended) {
            long now = nanoClock.getAsLong();
            if (now - lastDrawNanos >= REDRAW_INTERVAL_NANOS) {
                draw(now);
            }
        }
    }

    /**
     * Sets the text shown after the rate; it is drawn with the next redraw and ends the summary
     * line.
     *
     * @param text the detail, e.g. {@code loss 0.42}; null or blank for none
     */
    public synchronized void detail(String text) {
        detail = text == null || text.isBlank() ? null : text;
    }

    /** {@return the amount done so far, the initial amount included} */
    public synchronized long done() {
        return done;
    }

    /** Ends the meter as completed and prints its summary line. Later calls do nothing. */
    public synchronized void finish() {
        if (ended) {
            return;
        }
        ended = true;
        String summary = summary(nanoClock.getAsLong());
        output.out().print(output.interactive() ? "\r" + padded(summary) : summary);
        output.println("");
    }

    /**
     * Ends the meter without a summary, e.g. when the work failed: on a terminal the last state stays
     * on its own line, so that messages printed next start on a fresh one. Does nothing after
     * {@link #finish()}.
     */
    @Override
    public synchronized void close() {
        if (ended) {
            return;
        }
        ended = true;
        if (output.interactive()) {
            draw(nanoClock.getAsLong());
            output.println("");
        }
    }

    /** The terminal line at time {@code nowNanos} of the meter's clock, without {@code \r}. */
    synchronized String line(long nowNanos) {
        double seconds = secondsSinceStart(nowNanos);
        double rate = rate(seconds);
        StringBuilder line = new StringBuilder(label).append("  ").append(unit.amount(done));
        if (total == UNKNOWN_TOTAL) {
            line.append("  ").append(formatRate(rate)).append("  ").append(formatDuration((long) seconds));
        } else {
            double percent = total == 0 ? 100 : 100.0 * done / total;
            line.append(" / ").append(unit.amount(total))
                    .append(String.format(Locale.ROOT, "  %.1f%%  ", percent))
                    .append(formatRate(rate))
                    .append("  ETA ").append(formatEta(total - done, rate));
        }
        if (detail != null) {
            line.append("  ").append(detail);
        }
        return line.toString();
    }

    /** The summary line at time {@code nowNanos} of the meter's clock. */
    synchronized String summary(long nowNanos) {
        double seconds = secondsSinceStart(nowNanos);
        String summary = label + ": " + unit.amount(done - initial) + " in " + formatDuration((long) seconds)
                + " (" + formatRate(rate(seconds)) + ")";
        summary = initial == 0 ? summary : summary + ", resumed at " + unit.amount(initial);
        return detail == null ? summary : summary + ", " + detail;
    }

    private void draw(long nowNanos) {
        lastDrawNanos = nowNanos;
        output.out().print("\r" + padded(line(nowNanos)));
        output.out().flush();
    }

    /** The line followed by enough blanks to wipe a longer line drawn before. */
    private String padded(String line) {
        String padded = line.length() < lastLineLength ? line + " ".repeat(lastLineLength - line.length()) : line;
        lastLineLength = line.length();
        return padded;
    }

    private double secondsSinceStart(long nowNanos) {
        return Math.max(0, nowNanos - startNanos) / (double) NANOS_PER_SECOND;
    }

    /** Amount per second added since the start; NaN before any time has passed. */
    private double rate(double seconds) {
        return seconds > 0 ? (done - initial) / seconds : Double.NaN;
    }

    private String formatRate(double rate) {
        return Double.isNaN(rate) ? "-- " + unit.rateSuffix() : unit.rate(rate);
    }

    private static String formatEta(long remaining, double rate) {
        if (remaining <= 0) {
            return formatDuration(0);
        }
        if (Double.isNaN(rate) || rate <= 0) {
            return "--:--";
        }
        return formatDuration((long) Math.ceil(remaining / rate));
    }

    /**
     * Formats a duration as minutes and seconds, with hours only when there are any.
     *
     * @param seconds the duration in whole seconds, not negative
     * @return e.g. {@code 00:45}, {@code 12:05}, or with hours {@code 1:02:03}
     */
    public static String formatDuration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%02d:%02d", minutes, secs);
    }

    /**
     * Formats an amount of bytes with binary prefixes and one decimal.
     *
     * @param bytes the amount, not negative
     * @return e.g. {@code 512 B}, {@code 1.5 KiB}, {@code 10.5 GiB}; whole bytes below 1 KiB
     */
    public static String formatBytes(double bytes) {
        if (bytes < 1023.5) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        double value = bytes / 1024;
        int prefix = 0;
        while (value >= 1023.95 && prefix < BINARY_PREFIXES.length - 1) {
            value /= 1024;
            prefix++;
        }
        return String.format(Locale.ROOT, "%.1f %sB", value, BINARY_PREFIXES[prefix]);
    }

    /** What a meter counts, and how its amounts and rates read. */
    public static final class Unit {
        /** Bytes, shown with binary prefixes ({@code 1.5 MiB}, {@code 12.0 MiB/s}). */
        public static final Unit BYTES = new Unit(null);

        private final String noun;

        private Unit(String noun) {
            this.noun = noun;
        }

        /**
         * Counted things, shown as e.g. {@code 1,234 files} and {@code 56.5 files/s}.
         *
         * @param noun what is counted, plural, e.g. {@code files}
         * @return a unit counting {@code noun}
         * @throws IllegalArgumentException when {@code noun} is null or blank
         */
        public static Unit count(String noun) {
            if (noun == null || noun.isBlank()) {
                throw new IllegalArgumentException("a count unit needs a noun, e.g. \"items\"");
            }
            return new Unit(noun);
        }

        String amount(long amount) {
            return noun == null ? formatBytes((double) amount) : String.format(Locale.ROOT, "%,d %s", amount, noun);
        }

        String rate(double perSecond) {
            if (noun == null) {
                return formatBytes(perSecond) + "/s";
            }
            return String.format(Locale.ROOT, perSecond < 10 ? "%.1f %s/s" : "%,.0f %s/s", perSecond, noun);
        }

        String rateSuffix() {
            return noun == null ? "B/s" : noun + "/s";
        }
    }
}
