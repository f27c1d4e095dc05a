package org.glamibench.progress;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * Where progress and status lines go, and whether that place is a terminal that can redraw a line.
 *
 * @param out         receives the lines; flushed after each one
 * @param interactive true on a terminal: meters redraw one line with {@code \r}; false in logs and
 *                    CI: meters print only their closing summary
 */
public record ProgressOutput(PrintWriter out, boolean interactive) {

    /**
     * Checks that there is a writer.
     *
     * @param out         receives the lines
     * @param interactive whether meters redraw one line
     * @throws NullPointerException when {@code out} is null
     */
    public ProgressOutput {
        Objects.requireNonNull(out, "out");
    }

    /**
     * Lines to {@code out}, interactive when this process runs on a terminal.
     *
     * @param out receives the lines
     * @return an output interactive as {@link #onTerminal()} says
     */
    public static ProgressOutput of(PrintWriter out) {
        return new ProgressOutput(out, onTerminal());
    }

    /**
     * Whether standard input and output are a terminal. {@link System#console()} answers this up to
     * Java 21; from Java 22 it returns a console for redirected streams too, and
     * {@code Console.isTerminal()} (looked up by reflection, since the harness targets Java 17)
     * gives the answer.
     *
     * @return true when this process runs on a terminal; false when the streams are redirected or
     *         the answer cannot be had
     */
    @SuppressWarnings("SystemConsoleNull") // the null check is for Java 17 to 21; isTerminal covers 22 on
    public static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * Starts a meter writing here.
     *
     * @param label   names the work at the start of each line, e.g. a file name
     * @param unit    what the meter counts
     * @param total   the amount when done, or {@link ProgressMeter#UNKNOWN_TOTAL}
     * @param initial the amount already done before this meter started (e.g. a resumed download);
     *                it counts towards the total but not towards the rate
     * @return the started meter; on a terminal its first line is already drawn
     * @throws IllegalArgumentException when {@code total} is negative but not
     *                                  {@link ProgressMeter#UNKNOWN_TOTAL}, or {@code initial} is
     *                                  negative
     */
    public ProgressMeter meter(String label, ProgressMeter.Unit unit, long total, long initial) {
        return new ProgressMeter(label, unit, total, initial, this, System::nanoTime);
    }

    /**
     * Prints one status line and flushes.
     *
     * @param line the line, without its line separator
     */
    public void println(String line) {
        out.println(line);
        out.flush();
    }
}
