package org.glamibench.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;

/**
 * The {@code predictions.csv} format: UTF-8, LF line ends, one header row, RFC-4180 quoting (a
 * field holding a comma, quote, CR or LF is quoted, quotes doubled). Scores are written with
 * {@link Float#toString(float)}, which {@link Float#parseFloat(String)} turns back into the same
 * float; pandas reads them as float64 columns that {@code astype("float32")} turns back into the
 * same floats (checked by {@code make_store_fixtures.py}).
 * Also the rules a row must meet for a class index, shared by the writer and the reader.
 */
final class PredictionCsv {
    static final List<String> COLUMNS = List.of("item_id", "geo", "category",
            "pred_1", "pred_2", "pred_3", "pred_4", "pred_5",
            "score_1", "score_2", "score_3", "score_4", "score_5", "status", "error");
    static final String HEADER = String.join(",", COLUMNS) + "\n";
    static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.UTF_8);

    private static final int TOP_K = PredictionRow.TOP_K;
    private static final int PRED = 3;
    private static final int SCORE = PRED + TOP_K;
    private static final int STATUS = SCORE + TOP_K;
    private static final int ERROR = STATUS + 1;

    private PredictionCsv() {
    }

    /** Appends the row as one LF-terminated record. */
    static void format(PredictionRow row, StringBuilder out) {
        out.append(row.itemId()).append(',').append(row.geo().code()).append(',').append(row.category());
        int n = row.topCategories().length;
        for (int k = 0; k < TOP_K; k++) {
            out.append(',');
            if (k < n) {
                out.append(row.topCategories()[k]);
            }
        }
        for (int k = 0; k < TOP_K; k++) {
            out.append(',');
            if (k < n) {
                out.append(Float.toString(row.topScores()[k]));
            }
        }
        out.append(',').append(row.status().label()).append(',');
        String error = row.error();
        if (error.indexOf(',') >= 0 || error.indexOf('"') >= 0 || error.indexOf('\n') >= 0 || error.indexOf('\r') >= 0) {
            out.append('"').append(error.replace("\"", "\"\"")).append('"');
        } else {
            out.append(error);
        }
        out.append('\n');
    }

    /**
     * Checks a row against the class index: its category and predictions are in the index, and an
     * ok row has {@code min(5, classes)} predictions.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static void check(PredictionRow row, ClassIndex classes) {
        if (classes.indexOf(row.category()) < 0) {
            throw new IllegalArgumentException("item " + row.itemId() + ": category " + row.category()
                    + " is not in the class index");
        }
        if (row.status() != ItemStatus.OK) {
            return;
        }
        int expected = Math.min(TOP_K, classes.size());
        if (row.topCategories().length != expected) {
            throw new IllegalArgumentException("item " + row.itemId() + ": an ok row has " + expected
                    + " predictions with " + classes.size() + " classes, got " + row.topCategories().length);
        }
        for (int predicted : row.topCategories()) {
            if (classes.indexOf(predicted) < 0) {
                throw new IllegalArgumentException("item " + row.itemId() + ": predicted category " + predicted
                        + " is not in the class index");
            }
        }
    }

    /**
     * Checks a row against its full score vector: for an ok row the vector is finite and holds
     * each top score at its category's index (bit for bit); for a failed row it is all NaN.
     *
     * @param scores holds the vector at {@code offset}, {@code classes.size()} values
     * @return null when they agree, else what differs
     */
    static String mismatch(PredictionRow row, float[] scores, int offset, ClassIndex classes) {
        int size = classes.size();
        if (row.status() != ItemStatus.OK) {
            for (int c = 0; c < size; c++) {
                if (!Float.isNaN(scores[offset + c])) {
                    return "an " + row.status().label() + " row's scores are NaN, but class " + c + " has "
                            + scores[offset + c];
                }
            }
            return null;
        }
        for (int c = 0; c < size; c++) {
            if (!Float.isFinite(scores[offset + c])) {
                return "an ok row's scores are finite, but class " + c + " has " + scores[offset + c];
            }
        }
        for (int k = 0; k < row.topCategories().length; k++) {
            int index = classes.indexOf(row.topCategories()[k]);
            float full = scores[offset + index];
            if (Float.floatToIntBits(full) != Float.floatToIntBits(row.topScores()[k])) {
                return "score_" + (k + 1) + " is " + row.topScores()[k] + " but the score of category "
                        + row.topCategories()[k] + " (class " + index + ") is " + full;
            }
        }
        return null;
    }

    /** The complete records of a predictions file, in order. */
    record Scan(List<PredictionRow> rows, long[] lines, long[] ends, long headerEnd, boolean tornTail) {
        /** Byte length of the header and the first {@code count} records. */
        long bytesOf(int count) {
            return count == 0 ? headerEnd : ends[count - 1];
        }
    }

    /**
     * Reads the complete records of a predictions file: each ends with an LF outside quotes. What
     * follows the last one (a record cut short) is reported as {@link Scan#tornTail()}, not read.
     *
     * @param file names the file in messages
     * @throws PredictionStoreException for a bad header, a malformed complete record, a row that
     *                                  breaks the rules for the class index, or a duplicated item id
     */
    static Scan read(byte[] bytes, String file, ClassIndex classes) {
        int headerEnd = indexOf(bytes, (byte) '\n', 0);
        if (headerEnd < 0 || !Arrays.equals(bytes, 0, headerEnd + 1, HEADER_BYTES, 0, HEADER_BYTES.length)) {
            throw new PredictionStoreException(file + ":1: header is not " + HEADER.strip());
        }
        List<PredictionRow> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Map<Long, Long> lineOfItem = new HashMap<>();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        long line = 2;
        int start = headerEnd + 1;
        boolean quoted = false;
        int newlinesInRecord = 0;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n') {
                if (quoted) {
                    newlinesInRecord++;
                    continue;
                }
                String text;
                try {
                    text = utf8.decode(ByteBuffer.wrap(bytes, start, i - start)).toString();
                } catch (CharacterCodingException e) {
                    throw new PredictionStoreException(file + ":" + line + ": not valid UTF-8", e);
                }
                PredictionRow row = parse(text, file, line, classes);
                Long first = lineOfItem.putIfAbsent(row.itemId(), line);
                if (first != null) {
                    throw new PredictionStoreException(file + ":" + line + ": item_id " + row.itemId()
                            + " is already on line " + first);
                }
                rows.add(row);
                lines.add(line);
                ends.add((long) i + 1);
                line += 1 + newlinesInRecord;
                newlinesInRecord = 0;
                start = i + 1;
            }
        }
        return new Scan(rows, lines.stream().mapToLong(Long::longValue).toArray(),
                ends.stream().mapToLong(Long::longValue).toArray(), headerEnd + 1, start < bytes.length);
    }

    private static PredictionRow parse(String text, String file, long line, ClassIndex classes) {
        List<String> fields = split(text, file, line);
        if (fields.size() != COLUMNS.size()) {
            throw new PredictionStoreException(file + ":" + line + ": " + fields.size() + " fields, expected "
                    + COLUMNS.size());
        }
        Fields f = new Fields(fields, file, line);
        long itemId = f.integer(0);
        Geo geo = Geo.fromCode(fields.get(1)).orElseThrow(() -> f.error(1, "unknown geo '" + fields.get(1) + "'"));
        int category = (int) f.integer(2);
        ItemStatus status = ItemStatus.fromLabel(fields.get(STATUS))
                .orElseThrow(() -> f.error(STATUS, "unknown status '" + fields.get(STATUS) + "'"));
        int n = 0;
        while (n < TOP_K && !fields.get(PRED + n).isEmpty()) {
            n++;
        }
        int[] categories = new int[n];
        float[] scores = new float[n];
        for (int k = 0; k < TOP_K; k++) {
            if (k < n) {
                categories[k] = (int) f.integer(PRED + k);
                scores[k] = f.score(SCORE + k);
            } else if (!fields.get(PRED + k).isEmpty() || !fields.get(SCORE + k).isEmpty()) {
                throw f.error(fields.get(PRED + k).isEmpty() ? SCORE + k : PRED + k,
                        "must be empty after an empty pred_" + (n + 1));
            }
        }
        try {
            PredictionRow row = new PredictionRow(itemId, geo, category, categories, scores, status, fields.get(ERROR));
            check(row, classes);
            return row;
        } catch (IllegalArgumentException e) {
            throw new PredictionStoreException(file + ":" + line + ": " + e.getMessage(), e);
        }
    }

    /** Splits one record into fields; quotes are removed and doubled quotes undone. */
    private static List<String> split(String text, String file, long line) {
        List<String> fields = new ArrayList<>(COLUMNS.size());
        int i = 0;
        while (true) {
            if (i < text.length() && text.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    int quote = text.indexOf('"', i);
                    if (quote < 0) {
                        throw new PredictionStoreException(file + ":" + line + ": field " + (fields.size() + 1)
                                + ": no closing quote");
                    }
                    field.append(text, i, quote);
                    if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
                        field.append('"');
                        i = quote + 2;
                    } else {
                        i = quote + 1;
                        break;
                    }
                }
                fields.add(field.toString());
                if (i < text.length() && text.charAt(i) != ',') {
                    throw new PredictionStoreException(file + ":" + line + ": field " + fields.size()
                            + ": text after a closing quote");
                }
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? text.length() : comma;
                if (text.substring(i, end).indexOf('"') >= 0) {
                    throw new PredictionStoreException(file + ":" + line + ": field " + (fields.size() + 1)
                            + ": a quote inside an unquoted field");
                }
                fields.add(text.substring(i, end));
                i = end;
            }
            if (i >= text.length()) {
                return fields;
            }
            i++;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Typed access to a record's fields, with errors naming file, line and column. */
    private record Fields(List<String> values, String file, long line) {
        long integer(int column) {
            String text = values.get(column);
            try {
                long value = Long.parseLong(text);
                if (column > 0 && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
                    throw error(column, "'" + text + "' is out of range");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error(column, "'" + text + "' is not an integer");
            }
        }

        float score(int column) {
            String text = values.get(column);
            try {
                return Float.parseFloat(text);
            } catch (NumberFormatException e) {
                throw error(column, "'" + text + "' is not a number");
            }
        }

        PredictionStoreException error(int column, String problem) {
            return new PredictionStoreException(file + ":" + line + ": field '" + COLUMNS.get(column) + "': " + problem);
        }
    }
}
