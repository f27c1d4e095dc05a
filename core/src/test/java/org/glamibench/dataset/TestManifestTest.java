package org.glamibench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.glamibench.files.Sha256;

class TestManifestTest {
    private static final GlamiRow ROW = new GlamiRow(10, 20, Geo.CZ, "Dámské tričko", "Materiál: 100% bavlna", 6,
            "womens-blouses-and-shirts", "admin");

    /** The expected hashes were computed by make_csv_fixtures.py from the rows pandas read. */
    @ParameterizedTest
    @ValueSource(strings = {"nasty-crlf-bom", "reordered-lf"})
    void equalsAnIndependentPythonImplementation(String fixture) throws IOException {
        var expected = new ObjectMapper().readTree(GlamiCsvReaderTest.resource(fixture + ".pandas.json"));
        List<GlamiRow> rows = GlamiCsvReaderTest.readAll(fixture, GlamiCsvReaderTest.resource(fixture + ".csv"));

        assertThat(manifestOf(rows).sha256()).isEqualTo(expected.get("manifest_sha256").asText());
    }

    @Test
    void doesNotDependOnRowOrder() {
        List<GlamiRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new GlamiRow(1000 - i * 7, i, Geo.values()[i % 13], "name " + i, i % 3 == 0 ? "" : "d" + i, i % 5,
                    "c" + i % 5, "admin"));
        }
        TestManifest sorted = manifestOf(rows);
        Collections.shuffle(rows, new Random(3));

        assertThat(manifestOf(rows)).isEqualTo(sorted);
        assertThat(sorted.rows()).isEqualTo(50);
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        String original = manifestOf(List.of(ROW)).sha256();
        List<UnaryOperator<GlamiRow>> edits = List.of(
                r -> new GlamiRow(11, r.imageId(), r.geo(), r.name(), r.description(), r.category(), r.categoryName(), r.labelSource()),
                r -> new GlamiRow(r.itemId(), 21, r.geo(), r.name(), r.description(), r.category(), r.categoryName(), r.labelSource()),
                r -> new GlamiRow(r.itemId(), r.imageId(), Geo.SK, r.name(), r.description(), r.category(), r.categoryName(), r.labelSource()),
                r -> new GlamiRow(r.itemId(), r.imageId(), r.geo(), r.name() + " ", r.description(), r.category(), r.categoryName(), r.labelSource()),
                r -> new GlamiRow(r.itemId(), r.imageId(), r.geo(), r.name(), "", r.category(), r.categoryName(), r.labelSource()),
                r -> new GlamiRow(r.itemId(), r.imageId(), r.geo(), r.name(), r.description(), 7, r.categoryName(), r.labelSource()),
                r -> new GlamiRow(r.itemId(), r.imageId(), r.geo(), r.name(), r.description(), r.category(), "dresses", r.labelSource()),
                r -> new GlamiRow(r.itemId(), r.imageId(), r.geo(), r.name(), r.description(), r.category(), r.categoryName(), ""));
        List<String> hashes = new ArrayList<>();
        for (UnaryOperator<GlamiRow> edit : edits) {
            hashes.add(manifestOf(List.of(edit.apply(ROW))).sha256());
        }

        assertThat(hashes).doesNotHaveDuplicates().doesNotContain(original);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        GlamiRow a = new GlamiRow(1, 1, Geo.CZ, "a\tb", "", 6, "x", "admin");
        GlamiRow b = new GlamiRow(1, 1, Geo.CZ, "a", "b", 6, "x", "admin");
        GlamiRow c = new GlamiRow(1, 1, Geo.CZ, "a\\tb", "", 6, "x", "admin");

        assertThat(List.of(manifestOf(List.of(a)), manifestOf(List.of(b)), manifestOf(List.of(c))))
                .extracting(TestManifest::sha256).doesNotHaveDuplicates();
    }

    @Test
    void imageBytesAreIncludedOnlyWhenAsked() {
        TestManifest.Builder withImages = new TestManifest.Builder(true);
        withImages.add(ROW, "ab".repeat(32));
        TestManifest.Builder otherImage = new TestManifest.Builder(true);
        otherImage.add(ROW, "cd".repeat(32));

        assertThat(withImages.build().sha256()).isNotEqualTo(otherImage.build().sha256())
                .isNotEqualTo(manifestOf(List.of(ROW)).sha256());
        assertThat(withImages.build().includesImages()).isTrue();
    }

    @Test
    void emptySplitHasTheHashOfTheHeaderAlone() {
        assertThat(new TestManifest.Builder(false).build().sha256())
                .isEqualTo(Sha256.hexOf("glami-bench-manifest-v1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static TestManifest manifestOf(List<GlamiRow> rows) {
        TestManifest.Builder builder = new TestManifest.Builder(false);
        rows.forEach(builder::add);
        return builder.build();
    }
}
