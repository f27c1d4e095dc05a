package org.glamibench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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
    void lenientModeStopsAtAMalformedQuoteAndKeepsTheRowsBefore() {
        String csv = HEADER + "1,1,cz,ok,,6,a,admin\n2,1,cz,\"never closed,,6,a,admin\n3,1,cz,ok,,6,a,admin\n";
        try (GlamiCsvReader reader = GlamiCsvReader.open("f.csv", bytes(csv), GlamiCsvReader.Mode.LENIENT)) {
            assertThat(reader.next().itemId()).isEqualTo(1L);
            assertThat(reader.next()).isNull();
            assertThat(reader.problems()).extracting(RowProblem::toString)
                    .containsExactly("f.csv:3: malformed CSV: Missing closing quote for value (detected at line 5)");
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
        List<GlamiRow> rows = new ArrayList<>();
        try (GlamiCsvReader reader = GlamiCsvReader.open(name, in, GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
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
