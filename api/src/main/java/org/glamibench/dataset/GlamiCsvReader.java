package org.glamibench.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Streams the rows of a GLAMI-1M split CSV as {@link GlamiRow}s, reading it exactly as the
 * original {@code pd.read_csv(path)} does for well-formed files: UTF-8 with or without BOM, comma,
 * one header row, RFC-4180 quoting (commas, doubled quotes and newlines inside quotes), LF or
 * CRLF, blank lines skipped. Columns are found by header name; unknown columns are ignored.
 *
 * <p>Every row is checked: field count equal to the header's, integer {@code item_id},
 * {@code image_id} and {@code category}, a known {@code geo}, no {@code item_id} seen before in
 * the file, one {@code category_name} per {@code category}. In {@link Mode#STRICT} the first bad row
 * throws a {@link DatasetException} naming file, line and field; in {@link Mode#LENIENT} the row is
 * skipped and recorded in {@link #problems()}.
 *
 * <p>A record whose shape is wrong (malformed quoting, a field count other than the header's, or an
 * {@code item_id} that is not a number) may have swallowed the lines after it, for instance when a
 * stray quote opens a field that never closes. Lenient mode then resynchronises: it goes back to
 * the physical line after the bad record's first line and continues at the first line that begins
 * a record with the header's number of fields and a numeric {@code item_id}, recording every line
 * it skips on the way as a {@link RowProblem} of its own. Strict mode throws at the bad record.
 *
 * <p>Memory stays bounded by the number of distinct item ids (one map entry each), so the 1M-row
 * train split streams in well under 1 GB of heap. Not thread-safe.
 */
public final class GlamiCsvReader implements Closeable {

    /** What happens to a bad row. */
    public enum Mode {
        /** The first bad row throws a {@link DatasetException}. */
        STRICT,
        /** Bad rows are skipped and recorded in {@link #problems()}. */
        LENIENT
    }

    private static final List<String> REQUIRED = List.of("item_id", "image_id", "geo", "name",
            "category", "category_name");
    private static final String VALID_GEOS = Arrays.stream(Geo.values()).map(Geo::code)
            .collect(Collectors.joining(", "));

    private final String fileName;
    private final Mode mode;
    private final CsvFactory factory;
    private final ResyncReader chars;
    private CsvParser parser;
    private long parserFirstLine = 1;
    private final List<RowProblem> problems = new ArrayList<>();
    private final ItemLines lineOfItem = new ItemLines();
    private final Map<Integer, String> nameOfCategory = new HashMap<>();
    private final Map<Integer, Long> lineOfCategory = new HashMap<>();
    private final int columnCount;
    private final Column[] roles;
    private final long[] numbers = new long[3];
    private final String[] badNumbers = new String[3];
    private Geo rowGeo;
    private String geoText;
    private String nameValue;
    private String descriptionValue;
    private String categoryNameValue;
    private String labelSourceValue;
    private int fieldCount;
    private long line;
    private boolean ended;
    private long resyncAfter = -1;

    private GlamiCsvReader(String fileName, InputStream in, Mode mode) throws IOException {
        this.fileName = fileName;
        this.mode = mode;
        this.factory = new CsvFactory();
        factory.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        this.chars = new ResyncReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
        this.parser = newParser();
        List<String> header = readHeader();
        this.columnCount = header.size();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                close();
                throw new DatasetException(fileName + ":1: missing required column '" + column
                        + "' (header has: " + String.join(", ", header) + ")");
            }
        }
        this.roles = new Column[columnCount];
        for (int i = 0; i < columnCount; i++) {
            roles[i] = Column.of(header.get(i));
        }
    }

    /**
     * Opens a split CSV and reads its header.
     *
     * @param csv  the split's CSV file; messages name it by its file name
     * @param mode what happens to a bad row
     * @return a reader before the first row; the caller closes it
     * @throws DatasetException when the file cannot be opened or is not a regular file (a folder, a
     *                          device, a pipe), or its header is missing, malformed or lacks a
     *                          required column
     */
    public static GlamiCsvReader open(Path csv, Mode mode) {
        if (Files.exists(csv) && !Files.isRegularFile(csv)) {
            throw new DatasetException(csv + ": not a regular file (" + notRegular(csv) + ")");
        }
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
        } catch (IOException e) {
            throw new DatasetException(csv + ": cannot open: " + e.getMessage(), e);
        }
        return open(csv.getFileName().toString(), in, mode);
    }

    /** What a path that exists but is not a regular file is, for messages. */
    private static String notRegular(Path path) {
        String kind = Files.isDirectory(path) ? "a folder" : "a device, pipe or socket";
        if (!Files.isSymbolicLink(path)) {
            return kind;
        }
        try {
            return "a link to " + path.toRealPath() + ", " + kind;
        } catch (IOException e) {
            return "a link to " + kind;
        }
    }

    /**
     * Reads CSV from a stream; {@code fileName} names it in messages. The reader closes the stream.
     *
     * @param fileName the name of the source in messages
     * @param in       the CSV's bytes, UTF-8 with or without BOM
     * @param mode     what happens to a bad row
     * @return a reader before the first row; the caller closes it
     * @throws DatasetException when the header is missing, malformed or lacks a required column, or
     *                          the stream cannot be read
     */
    public static GlamiCsvReader open(String fileName, InputStream in, Mode mode) {
        try {
            return new GlamiCsvReader(fileName, in, mode);
        } catch (JsonProcessingException e) {
            throw new DatasetException(fileName + ":1: malformed header: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DatasetException(fileName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads on to the next valid row; in lenient mode bad rows on the way are skipped and recorded.
     *
     * @return the next valid row, or {@code null} at the end of the file
     * @throws DatasetException in strict mode, for the first bad row; in both modes, when the file
     *                          cannot be read
     */
    public GlamiRow next() {
        while (!ended) {
            boolean read;
            String malformed = null;
            try {
                read = readRecord();
            } catch (JsonProcessingException e) {
                String at = e.getLocation() != null
                        ? " (detected at line " + (parserFirstLine + e.getLocation().getLineNr() - 1) + ")" : "";
                malformed = "malformed CSV: " + e.getOriginalMessage() + at;
                read = true;
            } catch (IOException e) {
                throw cannotRead(e);
            }
            if (!read) {
                ended = true;
                return null;
            }
            boolean shaped = malformed == null && fieldCount == columnCount && badNumbers[0] == null;
            if (resyncAfter >= 0) {
                if (!shaped) {
                    reject(problem("skipped while resynchronising after the bad record on line " + resyncAfter
                            + ": no record with " + columnCount + " fields and a numeric item_id starts here"));
                    restartAfterLine();
                    continue;
                }
                resyncAfter = -1;
            } else if (!shaped) {
                if (malformed != null) {
                    reject(problem(malformed));
                } else if (fieldCount != columnCount) {
                    reject(problem("expected " + columnCount + " fields as in the header, found " + fieldCount));
                } else {
                    numberOk(0, "item_id");
                }
                resyncAfter = line;
                restartAfterLine();
                continue;
            }
            GlamiRow row = toRow();
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    /**
     * {@return the line where the row last returned by {@link #next()} starts (1-based; the header
     * is 1)}
     */
    public long line() {
        return line;
    }

    /** {@return the file name used in messages} */
    public String fileName() {
        return fileName;
    }

    /** {@return the rows skipped so far in lenient mode, in file order, as an unmodifiable copy} */
    public List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        try (chars) {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvParser newParser() throws IOException {
        CsvParser created = factory.createParser(chars);
        created.setSchema(CsvSchema.emptySchema());
        return created;
    }

    /** Reads on from the physical line after the one where the current record starts. */
    private void restartAfterLine() {
        try {
            parser.close();
            long from = Math.max(line + 1, parserFirstLine + 1);
            if (!chars.restartAt(from)) {
                ended = true;
                return;
            }
            parserFirstLine = from;
            parser = newParser();
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    private DatasetException cannotRead(IOException e) {
        return new DatasetException(fileName + ": cannot read after line " + line + ": " + e.getMessage(), e);
    }

    private List<String> readHeader() throws IOException {
        if (parser.nextToken() == null) {
            throw new DatasetException(fileName + ":1: empty file, expected a header row");
        }
        List<String> header = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            header.add(parser.getText());
        }
        return header;
    }

    /**
     * Reads the next record, converting each field by its column's role as it streams by (no
     * String is made for ids, geo or ignored columns); false at the end of the file.
     */
    private boolean readRecord() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalStateException("unexpected CSV token " + token);
        }
        line = parserFirstLine + parser.currentLocation().getLineNr() - 1;
        chars.keepFrom(line);
        fieldCount = 0;
        badNumbers[0] = null;
        rowGeo = null;
        geoText = null;
        descriptionValue = "";
        labelSourceValue = "";
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Column role = fieldCount < columnCount ? roles[fieldCount] : Column.IGNORED;
            switch (role) {
                case ITEM_ID -> number(0);
                case IMAGE_ID -> number(1);
                case CATEGORY -> number(2);
                case GEO -> {
                    rowGeo = Geo.fromChars(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                    geoText = rowGeo == null ? parser.getText() : null;
                }
                case NAME -> nameValue = parser.getText();
                case DESCRIPTION -> descriptionValue = parser.getText();
                case CATEGORY_NAME -> categoryNameValue = parser.getText();
                case LABEL_SOURCE -> labelSourceValue = LabelSources.intern(parser.getTextCharacters(),
                        parser.getTextOffset(), parser.getTextLength());
                case IGNORED -> { }
            }
            fieldCount++;
        }
        return true;
    }

    /** Parses the current field as a non-negative decimal integer into {@code numbers[slot]}. */
    private void number(int slot) throws IOException {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        badNumbers[slot] = null;
        long value = 0;
        boolean ok = length > 0 && length <= 18;
        for (int i = 0; ok && i < length; i++) {
            char c = chars[offset + i];
            ok = c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        numbers[slot] = value;
        if (!ok) {
            badNumbers[slot] = parser.getText();
        }
    }

    private GlamiRow toRow() {
        if (!numberOk(0, "item_id") || !numberOk(1, "image_id")) {
            return null;
        }
        long item = numbers[0];
        if (rowGeo == null) {
            reject(problem("field 'geo': unknown geo '" + geoText + "' (expected one of " + VALID_GEOS + ")"));
            return null;
        }
        if (!numberOk(2, "category")) {
            return null;
        }
        if (numbers[2] > Integer.MAX_VALUE) {
            reject(problem("field 'category': '" + numbers[2] + "' is out of range"));
            return null;
        }
        int categoryValue = (int) numbers[2];
        String slug = categoryNameValue;
        String knownSlug = nameOfCategory.get(categoryValue);
        if (knownSlug != null && !knownSlug.equals(slug)) {
            reject(problem("field 'category_name': '" + slug + "' for category " + categoryValue
                    + ", but line " + lineOfCategory.get(categoryValue) + " names it '" + knownSlug + "'"));
            return null;
        }
        long firstLine = lineOfItem.putIfAbsent(item, line);
        if (firstLine >= 0) {
            reject(problem("field 'item_id': duplicate item_id " + item + " (first on line " + firstLine + ")"));
            return null;
        }
        if (knownSlug == null) {
            nameOfCategory.put(categoryValue, slug);
            lineOfCategory.put(categoryValue, line);
        } else {
            slug = knownSlug;
        }
        return new GlamiRow(item, numbers[1], rowGeo, nameValue, descriptionValue, categoryValue, slug, labelSourceValue);
    }

    /** Whether {@code numbers[slot]} parsed; records the problem when not. */
    private boolean numberOk(int slot, String field) {
        String bad = badNumbers[slot];
        if (bad == null) {
            return true;
        }
        if (bad.isEmpty()) {
            reject(problem("field '" + field + "': empty"));
        } else if (bad.length() > 18 && bad.chars().allMatch(c -> c >= '0' && c <= '9')) {
            reject(problem("field '" + field + "': '" + bad + "' is out of range"));
        } else {
            reject(problem("field '" + field + "': '" + bad + "' is not a non-negative integer"));
        }
        return false;
    }

    private RowProblem problem(String reason) {
        return new RowProblem(fileName, line, reason);
    }

    private void reject(RowProblem problem) {
        if (mode == Mode.STRICT) {
            throw new DatasetException(problem.toString());
        }
        problems.add(problem);
    }
}
