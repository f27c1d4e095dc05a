package org.glamibench.sample;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV the way pandas' {@code DataFrame.to_csv(index=False)} does on Linux: comma separated,
 * {@code \n} line ends, and a field quoted only when it contains a comma, a double quote or a line
 * break ({@code \n} or {@code \r}), with inner quotes doubled (RFC 4180). An empty string is written
 * as an empty field. (pandas on Python 3.11 leaves a lone {@code \r} unquoted; the sample never
 * writes one, and quoting it is what RFC 4180 asks.)
 */
final class PandasCsvWriter {

    private final Writer out;

    PandasCsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one record and its line end. */
    void writeRow(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(fields[i]);
        }
        out.write('\n');
    }

    private void writeField(String field) throws IOException {
        if (!needsQuotes(field)) {
            out.write(field);
            return;
        }
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
    }

    static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
