package org.glamibench.leakage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakageFileTest {
    @TempDir
    Path dir;

    private Path write(String items) throws IOException {
        return Files.writeString(dir.resolve("leakage.json"),
                "{\"manifest_sha256\": \"abc\", \"max_distance\": 10, \"items\": [" + items + "]}");
    }

    @Test
    void readsTheLeakedItems() throws IOException {
        LeakageFile file = LeakageFile.read(write("{\"item_id\": 7, \"clean\": true}, {\"item_id\": 9, \"clean\": false}"));

        assertThat(file.manifestSha256()).isEqualTo("abc");
        assertThat(file.leaked()).containsExactly(9L);
    }

    @Test
    void anItemWithoutAnIntegerIdOrACleanFlagIsNamed() throws IOException {
        Path noId = write("{\"item_id\": 7, \"clean\": true}, {\"clean\": false}");
        assertThatThrownBy(() -> LeakageFile.read(noId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(noId + ": items[1]: item_id is missing or not an integer");

        Path textId = write("{\"item_id\": \"7\", \"clean\": true}");
        assertThatThrownBy(() -> LeakageFile.read(textId)).hasMessage(textId + ": items[0]: item_id is missing or not an integer");

        Path noClean = write("{\"item_id\": 7}");
        assertThatThrownBy(() -> LeakageFile.read(noClean))
                .hasMessage(noClean + ": items[0] (item 7): clean is missing or not true/false");
    }
}
