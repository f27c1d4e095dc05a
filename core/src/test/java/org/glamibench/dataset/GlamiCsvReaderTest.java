package org.glamibench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.glamibench.python.PythonScripts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlamiCsvReaderTest {
    static final String HEADER = "item_id,image_id,geo,name,description,category,category_name,label_source\n";

    /** The fixtures and what pandas read from the same bytes: see make_csv_fixtures.py. */
    @ParameterizedTest
    @ValueSource(strings = {"nasty-crlf-bom", "reordered-lf"})
    void readsWhatPandasReads(String fixture) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(resource(fixture + ".pandas.json"));
        List<GlamiRow> rows = readAll(fixture + ".csv", resource(fixture + ".csv"));

        assertThat(rows).hasSize(expected.get("rows").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode want = expected.get("rows").get(i);
            GlamiRow row = rows.get(i);
            assertThat(row.itemId()).isEqualTo(want.get("item_id").asLong());
            assertThat(row.imageId()).isEqualTo(want.get("image_id").asLong());
            assertThat(row.geo().code()).isEqualTo(want.get("geo").asText());
            assertThat(row.name()).isEqualTo(want.get("name").asText());
            assertThat(row.description()).isEqualTo(want.get("description").asText());
            assertThat(row.category()).isEqualTo(want.get("category").asInt());
            assertThat(row.categoryName()).isEqualTo(want.get("category_name").asText());
            assertThat(row.labelSource()).isEqualTo(want.get("label_source").asText());
        }
    }

    @Test
    void reportsTheLineWhereEachRecordStarts() {
        List<Long> lines = new ArrayList<>();
        try (GlamiCsvReader reader = GlamiCsvReader.open("f.csv", resource("nasty-crlf-bom.csv"), GlamiCsvReader.Mode.STRICT)) {
            while (reader.next() != null) {
                lines.add(reader.line());
            }
        }
        // Rows 1 and 4 hold a newline inside quotes, so the next row starts two lines later.
        assertThat(lines).containsExactly(2L, 4L, 5L, 6L, 8L, 9L, 10L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unterminated quote  | 1,1,cz,"open,,6,x,admin                  | f.csv:3: malformed CSV: Missing closing quote for value (detected at line 5)
            too many fields     | 1,1,cz,n,d,6,x,admin,extra              | f.csv:3: expected 8 fields as in the header, found 9
            too few fields      | 1,1,cz,n,d,6,x                          | f.csv:3: expected 8 fields as in the header, found 7
            non-numeric item    | 1a,1,cz,n,d,6,x,admin                   | f.csv:3: field 'item_id': '1a' is not a non-negative integer
            negative image id   | 1,-1,cz,n,d,6,x,admin                   | f.csv:3: field 'image_id': '-1' is not a non-negative integer
            empty item id       | ,1,cz,n,d,6,x,admin                     | f.csv:3: field 'item_id': empty
            unknown geo         | 1,1,de,n,d,6,x,admin                    | f.csv:3: field 'geo': unknown geo 'de' (expected one of cz, sk, ro, gr, si, hu, hr, es, lt, lv, tr, ee, bg)
            upper-case geo      | 1,1,CZ,n,d,6,x,admin                    | f.csv:3: field 'geo': unknown geo 'CZ' (expected one of cz, sk, ro, gr, si, hu, hr, es, lt, lv, tr, ee, bg)
            empty category      | 1,1,cz,n,d,,x,admin                     | f.csv:3: field 'category': empty
            non-numeric category| 1,1,cz,n,d,6.0,x,admin                  | f.csv:3: field 'category': '6.0' is not a non-negative integer
            huge category       | 1,1,cz,n,d,99999999999,x,admin          | f.csv:3: field 'category': '99999999999' is out of range
            duplicate item_id   | 100,1,cz,n,d,6,womens-blouses,admin     | f.csv:3: field 'item_id': duplicate item_id 100 (first on line 2)
            renamed category    | 1,1,cz,n,d,6,other-name,admin           | f.csv:3: field 'category_name': 'other-name' for category 6, but line 2 names it 'womens-blouses'
            """)
    void strictModeNamesFileLineAndField(String what, String badRow, String message) {
        String csv = HEADER + "100,50,sk,ok row,,6,womens-blouses,admin\n" + badRow + "\n101,51,sk,later,,6,womens-blouses,admin\n";

        assertThatThrownBy(() -> readAll("f.csv", bytes(csv)))
                .isInstanceOf(DatasetException.class).hasMessage(message);
    }

    @Test
    void lenientModeSkipsAndReportsEveryBadRow() {
        String csv = HEADER
                + "1,1,cz,ok,,6,a,admin\n"
                + "2,1,xx,bad geo,,6,a,admin\n"
                + "3,1,cz,\"multi\nline\",,6,a,admin\n"
                + "1,1,cz,duplicate,,6,a,admin\n"
                + "4,1,cz,short\n"
                + "5,1,cz,ok again,,7,b,\n";
        try (GlamiCsvReader reader = GlamiCsvReader.open("f.csv", bytes(csv), GlamiCsvReader.Mode.LENIENT)) {
            List<Long> kept = new ArrayList<>();
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                kept.add(row.itemId());
            }
            assertThat(kept).containsExactly(1L, 3L, 5L);
            assertThat(reader.problems()).extracting(RowProblem::toString).containsExactly(
                    "f.csv:3: field 'geo': unknown geo 'xx' (expected one of cz, sk, ro, gr, si, hu, hr, es, lt, lv, tr, ee, bg)",
                    "f.csv:6: field 'item_id': duplicate item_id 1 (first on line 2)",
                    "f.csv:7: expected 8 fields as in the header, found 4");
        }
    }

    @Test
    void lenientModeResynchronisesAtTheNextLineThatStartsARecordAndReportsEachLineItSkips() {
        String csv = HEADER
                + "1,1,cz,ok,,6,a,admin\n"
                + "2,1,cz,\"stray,,6,a,admin\n"
                + "continued text, of something\n"
                + "x,1,cz,n,,6,a,admin\n"
                + "3,1,cz,\"quoted, name\",,6,a,admin\n";
        try (GlamiCsvReader reader = GlamiCsvReader.open("f.csv", bytes(csv), GlamiCsvReader.Mode.LENIENT)) {
            List<GlamiRow> rows = readAll(reader);

            assertThat(rows).extracting(GlamiRow::itemId).containsExactly(1L, 3L);
            assertThat(rows.get(1).name()).isEqualTo("quoted, name");
            assertThat(reader.problems()).extracting(RowProblem::toString).containsExactly(
                    "f.csv:3: malformed CSV: Unexpected character ('q' (code 113)): Expected column separator"
                            + " character (',' (code 44)) or end-of-line (detected at line 6)",
                    "f.csv:4: skipped while resynchronising after the bad record on line 3: no record with 8 fields"
                            + " and a numeric item_id starts here",
                    "f.csv:5: skipped while resynchronising after the bad record on line 3: no record with 8 fields"
                            + " and a numeric item_id starts here");
        }
    }

    @Test
    void lenientModeReadsOnAfterAQuoteThatNeverCloses() {
        String csv = HEADER + "1,1,cz,ok,,6,a,admin\n2,1,cz,\"never closed,,6,a,admin\n3,1,cz,ok,,6,a,admin\n";
        try (GlamiCsvReader reader = GlamiCsvReader.open("f.csv", bytes(csv), GlamiCsvReader.Mode.LENIENT)) {
            assertThat(readAll(reader)).extracting(GlamiRow::itemId).containsExactly(1L, 3L);
            assertThat(reader.problems()).extracting(RowProblem::toString)
                    .containsExactly("f.csv:3: malformed CSV: Missing closing quote for value (detected at line 5)");
        }
    }

    @Test
    void lenientModeResynchronisesAcrossABufferOfCharactersAndKeepsLineNumbers() {
        StringBuilder csv = new StringBuilder("\uFEFF" + HEADER.replace("\n", "\r\n"));
        String longName = "n".repeat(300);
        for (int item = 1; item <= 2000; item++) {
            String name = item == 700 ? "\"" + longName : longName;
            csv.append(item).append(",1,cz,").append(name).append(",,6,a,admin\r\n");
        }
        try (GlamiCsvReader reader = GlamiCsvReader.open("f.csv", bytes(csv.toString()), GlamiCsvReader.Mode.LENIENT)) {
            List<Long> lines = new ArrayList<>();
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                assertThat(lines.size()).isLessThan(2000);
                lines.add(reader.line() * 10_000 + row.itemId());
            }
            assertThat(lines).hasSize(1999).allMatch(code -> code / 10_000 == code % 10_000 + 1);
            assertThat(reader.problems()).extracting(RowProblem::toString)
                    .containsExactly("f.csv:701: malformed CSV: Missing closing quote for value (detected at line 2002)");
        }
    }

    /**
     * A 500-row file whose row 250 (line 251) opens its name with a quote and never closes it, and
     * the same file where row 300's properly quoted name closes that quote: lenient reading skips
     * line 251 alone and reads the 499 other rows of both. pandas reads the same bytes differently:
     * its default C parser keeps the quote open across lines, so {@code pd.read_csv} refuses both
     * files (end of file inside the string; 9 fields where the merged record ends), and with
     * {@code on_bad_lines="skip"} it refuses the first and silently drops rows 250 to 300 of the
     * second, which it merged into one bad record.
     */
    @Test
    void lenientModeSkipsOnlyTheLineWithAStrayQuoteWherePandasMergesLines(@TempDir Path dir) throws IOException {
        Path unclosed = writeRows(dir.resolve("unclosed.csv"), Map.of(250, "\"name 250"));
        Path closedLater = writeRows(dir.resolve("closed-later.csv"), Map.of(250, "\"name 250", 300, "\"name, 300\""));
        List<Long> allButRow250 = LongStream.rangeClosed(1, 500).filter(item -> item != 250).boxed().toList();

        assertLenientRead(unclosed, allButRow250,
                "unclosed.csv:251: malformed CSV: Missing closing quote for value (detected at line 502)");
        assertLenientRead(closedLater, allButRow250,
                "closed-later.csv:251: malformed CSV: Unexpected character ('n' (code 110)): Expected column separator"
                        + " character (',' (code 44)) or end-of-line (detected at line 301)");

        ObjectMapper json = new ObjectMapper();
        JsonNode pandasUnclosed = json.readTree(PythonScripts.run("read_item_ids.py", unclosed.toString()));
        JsonNode pandasClosedLater = json.readTree(PythonScripts.run("read_item_ids.py", closedLater.toString()));
        String eofInString = "Error tokenizing data. C error: EOF inside string starting at row 250";
        assertThat(pandasUnclosed.at("/default/error").asText()).isEqualTo(eofInString);
        assertThat(pandasUnclosed.at("/skip_bad_lines/error").asText()).isEqualTo(eofInString);
        assertThat(pandasClosedLater.at("/default/error").asText())
                .isEqualTo("Error tokenizing data. C error: Expected 8 fields in line 251, saw 9");
        List<Long> pandasSkipping = new ArrayList<>();
        pandasClosedLater.at("/skip_bad_lines/item_ids").forEach(id -> pandasSkipping.add(id.asLong()));
        assertThat(pandasSkipping).isEqualTo(
                LongStream.rangeClosed(1, 500).filter(item -> item < 250 || item > 300).boxed().toList());
    }

    private static Path writeRows(Path file, Map<Integer, String> names) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int item = 1; item <= 500; item++) {
            csv.append(item).append(',').append(1000 + item).append(",cz,").append(names.getOrDefault(item, "name " + item))
                    .append(",desc ").append(item).append(",6,womens-blouses,admin\n");
        }
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static void assertLenientRead(Path csv, List<Long> itemIds, String... problems) {
        try (GlamiCsvReader reader = GlamiCsvReader.open(csv, GlamiCsvReader.Mode.LENIENT)) {
            assertThat(readAll(reader)).extracting(GlamiRow::itemId).isEqualTo(itemIds);
            assertThat(reader.problems()).extracting(RowProblem::toString).containsExactly(problems);
        }
    }

    @Test
    void missingRequiredColumnIsAnErrorAtTheHeader() {
        String csv = "item_id,image_id,geo,name,description,category_name,label_source\n1,1,cz,n,d,x,admin\n";

        assertThatThrownBy(() -> readAll("f.csv", bytes(csv))).isInstanceOf(DatasetException.class)
                .hasMessage("f.csv:1: missing required column 'category' (header has: item_id, image_id, geo, name, description, category_name, label_source)");
    }

    @Test
    void optionalColumnsMayBeAbsentAndReadAsEmpty() {
        String csv = "item_id,image_id,geo,name,category,category_name\n1,2,ee,Naiste jope,6,a\n";

        assertThat(readAll("f.csv", bytes(csv))).containsExactly(new GlamiRow(1, 2, Geo.EE, "Naiste jope", "", 6, "a", ""));
    }

    @Test
    void emptyFileIsAnError() {
        assertThatThrownBy(() -> readAll("f.csv", bytes(""))).isInstanceOf(DatasetException.class)
                .hasMessage("f.csv:1: empty file, expected a header row");
    }

    @Test
    void headerOnlyHasNoRows() {
        assertThat(readAll("f.csv", bytes(HEADER))).isEmpty();
    }

    static List<GlamiRow> readAll(String name, InputStream in) {
        try (GlamiCsvReader reader = GlamiCsvReader.open(name, in, GlamiCsvReader.Mode.STRICT)) {
            return readAll(reader);
        }
    }

    static List<GlamiRow> readAll(GlamiCsvReader reader) {
        List<GlamiRow> rows = new ArrayList<>();
        for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static InputStream resource(String name) {
        InputStream in = GlamiCsvReaderTest.class.getResourceAsStream("/csv/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
