package org.glamibench.dataset;

import java.io.IOException;
import java.io.Reader;

/**
 * The decoded characters of a CSV as the CSV parser reads them, keeping every character from the
 * start of the line where the current record starts, so that reading can restart at any later
 * physical line (to resynchronise after a bad record). A leading byte order mark is dropped. Lines
 * end as the CSV parser ends them: at LF, CRLF or a lone CR. Not thread-safe.
 */
final class ResyncReader extends Reader {
    private final Reader source;
    private char[] buffer = new char[1 << 16];
    private int filled;
    private int served;
    private int lineStart;
    private long lineNumber = 1;
    private boolean started;
    private boolean exhausted;

    ResyncReader(Reader source) {
        this.source = source;
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (served == filled && !fill()) {
            return -1;
        }
        int count = Math.min(length, filled - served);
        System.arraycopy(buffer, served, into, offset, count);
        served += count;
        return count;
    }

    /**
     * Moves the kept start forward to physical line {@code line}; characters before it are no
     * longer kept. Does nothing when that line is already the kept start or behind it.
     *
     * @return false when the input ends before that line starts
     */
    boolean keepFrom(long line) throws IOException {
        while (lineNumber < line) {
            int scanned = 0;
            int next = -1;
            while (next < 0) {
                if (lineStart + scanned == filled && !fill()) {
                    return false;
                }
                char c = buffer[lineStart + scanned];
                scanned++;
                if (c == '\n') {
                    next = lineStart + scanned;
                } else if (c == '\r') {
                    if (lineStart + scanned == filled) {
                        fill();
                    }
                    if (lineStart + scanned < filled && buffer[lineStart + scanned] == '\n') {
                        scanned++;
                    }
                    next = lineStart + scanned;
                }
            }
            lineStart = next;
            lineNumber++;
        }
        return true;
    }

    /**
     * Serves the input again from the start of physical line {@code line}, which must not be before
     * the kept start.
     *
     * @return false when the input ends before that line starts
     */
    boolean restartAt(long line) throws IOException {
        if (!keepFrom(line)) {
            served = filled;
            return false;
        }
        served = lineStart;
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** Reads more of the source, first dropping what is before the kept start; false at its end. */
    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        if (lineStart > 0) {
            System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
            filled -= lineStart;
            served -= lineStart;
            lineStart = 0;
        }
        if (filled == buffer.length) {
            char[] larger = new char[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, filled);
            buffer = larger;
        }
        int count = source.read(buffer, filled, buffer.length - filled);
        if (count < 0) {
            exhausted = true;
            return false;
        }
        filled += count;
        if (!started && filled > 0) {
            started = true;
            if (buffer[0] == '\uFEFF') {
                lineStart = 1;
                served = Math.max(served, 1);
            }
        }
        return true;
    }
}
