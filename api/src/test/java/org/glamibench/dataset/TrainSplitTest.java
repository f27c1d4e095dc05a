package org.glamibench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainSplitTest {
    @TempDir
    Path dir;

    @Test
    void everyValidRowIsHandedOverInFileOrderAndABadRowIsSkippedWithItsLine() throws IOException {
        Path csv = dir.resolve("GLAMI-1M-train.csv");
        Files.writeString(csv, """
                item_id,image_id,geo,name,description,category,category_name,label_source
                7,70,cz,Šaty,"long, red",12,womens-dresses,admin
                8,80,xx,Bad geo,,12,womens-dresses,admin
                9,90,ro,Geacă,,31,mens-jackets,
                """, StandardCharsets.UTF_8);
        List<GlamiRow> rows = new ArrayList<>();

        TrainSplit.Summary summary = new TrainSplit(csv).forEachRow(rows::add);

        assertThat(rows).containsExactly(
                new GlamiRow(7, 70, Geo.CZ, "Šaty", "long, red", 12, "womens-dresses", "admin"),
                new GlamiRow(9, 90, Geo.RO, "Geacă", "", 31, "mens-jackets", ""));
        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.skipped()).hasSize(1);
        assertThat(summary.skipped().get(0).line()).isEqualTo(3);
        assertThat(summary.skipped().get(0).reason()).startsWith("field 'geo': unknown geo 'xx'");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path csv = dir.resolve("GLAMI-1M-train.csv");

        assertThatThrownBy(() -> new TrainSplit(csv).forEachRow(row -> { }))
                .isInstanceOf(DatasetException.class).hasMessageContaining(csv.toString());
    }
}
