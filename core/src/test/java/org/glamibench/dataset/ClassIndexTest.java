package org.glamibench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassIndexTest {
    @TempDir
    Path dir;

    @Test
    void ordersClassesByAscendingCategoryIdNotByFirstAppearance() {
        ClassIndex index = ClassIndex.of(Map.of(86531, "womens-sport-jackets", 6, "womens-blouses-and-shirts",
                53403, "womens-tops-tank-tops-and-t-shirts", 132, "womens-pants", 2811, "mens-sneakers"), Split.TRAIN);

        assertThat(index.categories()).containsExactly(6, 132, 2811, 53403, 86531);
        assertThat(index.name(0)).isEqualTo("womens-blouses-and-shirts");
        assertThat(index.indexOf(53403)).isEqualTo(3);
        assertThat(index.indexOf(7)).isEqualTo(-1);
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void hashEqualsAnIndependentPythonImplementation() throws IOException {
        var expected = new ObjectMapper().readTree(GlamiCsvReaderTest.resource("nasty-crlf-bom.pandas.json"));
        ClassIndexCollector collector = new ClassIndexCollector(Split.TEST);
        GlamiCsvReaderTest.readAll("f", GlamiCsvReaderTest.resource("nasty-crlf-bom.csv")).forEach(collector::add);

        assertThat(collector.build("f").sha256()).isEqualTo(expected.get("class_index_sha256").asText());
    }

    @Test
    void isBuiltFromTrainWhenPresentElseFromTest() throws IOException {
        Path root = Files.createDirectories(dir.resolve(DatasetLayout.FOLDER_NAME));
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), GlamiCsvReaderTest.HEADER + "1,1,cz,n,,6,a,admin\n",
                StandardCharsets.UTF_8);
        DatasetLayout layout = DatasetLayout.locate(dir, Map.of());

        assertThat(ClassIndexCollector.read(layout, GlamiCsvReader.Mode.STRICT).source()).isEqualTo(Split.TEST);

        Files.writeString(root.resolve("GLAMI-1M-train.csv"), GlamiCsvReaderTest.HEADER
                + "2,2,cz,n,,9,b,admin\n3,3,sk,n,,6,a,\n", StandardCharsets.UTF_8);
        ClassIndex fromTrain = ClassIndexCollector.read(layout, GlamiCsvReader.Mode.STRICT);

        assertThat(fromTrain.source()).isEqualTo(Split.TRAIN);
        assertThat(fromTrain.categories()).containsExactly(6, 9);
    }

    @Test
    void aTestCategoryAbsentFromTheIndexIsAnError() throws IOException {
        Path root = Files.createDirectories(dir.resolve(DatasetLayout.FOLDER_NAME));
        Files.writeString(root.resolve("GLAMI-1M-train.csv"), GlamiCsvReaderTest.HEADER + "2,2,cz,n,,6,a,admin\n",
                StandardCharsets.UTF_8);
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), GlamiCsvReaderTest.HEADER
                + "1,1,cz,n,,6,a,admin\n5,5,cz,n,,77,new-class,admin\n", StandardCharsets.UTF_8);
        DatasetLayout layout = DatasetLayout.locate(root, Map.of());
        ClassIndex index = ClassIndexCollector.read(layout, GlamiCsvReader.Mode.STRICT);

        assertThatThrownBy(() -> drain(SplitReader.open(layout, Split.TEST, index, GlamiCsvReader.Mode.STRICT)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("GLAMI-1M-test.csv:3: field 'category': 77 (new-class) is not in the class index built from the train split");

        SplitReader lenient = SplitReader.open(layout, Split.TEST, index, GlamiCsvReader.Mode.LENIENT);
        assertThat(drain(lenient)).isEqualTo(1);
        assertThat(lenient.problems()).hasSize(1);
    }

    @Test
    void noDatasetIsAClearError() {
        assertThatThrownBy(() -> DatasetLayout.locate(dir, Map.of())).isInstanceOf(DatasetException.class)
                .hasMessageContaining("no GLAMI-1M dataset here");
    }

    @Test
    void defaultLocationHonoursExtractDir() throws IOException {
        Path root = Files.createDirectories(dir.resolve(DatasetLayout.FOLDER_NAME));
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), GlamiCsvReaderTest.HEADER);

        assertThat(DatasetLayout.defaultExtractDir(Map.of())).isEqualTo(Path.of("/tmp/GLAMI-1M"));
        assertThat(DatasetLayout.defaultExtractDir(Map.of("EXTRACT_DIR", "/data/g"))).isEqualTo(Path.of("/data/g"));
        assertThat(DatasetLayout.locate(null, Map.of("EXTRACT_DIR", dir.toString())).root()).isEqualTo(root);
        assertThat(DatasetLayout.locate(dir, Map.of()).root()).isEqualTo(root);
        assertThat(DatasetLayout.locate(root, Map.of()).root()).isEqualTo(root);
    }

    private static int drain(SplitReader reader) {
        int rows = 0;
        try (reader) {
            while (reader.next() != null) {
                rows++;
            }
        }
        return rows;
    }
}
