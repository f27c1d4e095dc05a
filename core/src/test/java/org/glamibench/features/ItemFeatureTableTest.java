package org.glamibench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.glamibench.npy.NpyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a features folder resumably, reading it back by item id, and refusing broken folders. */
class ItemFeatureTableTest {
    private static final long[] IDS = {989034, 1009868, 586781, 7};
    private static final Map<String, Object> IDENTITY = Map.of("model", "m1", "text_mask", true);

    @TempDir
    Path dir;

    private static float[][] rows(int from, int count) {
        float[][] rows = new float[count][3];
        for (int i = 0; i < count; i++) {
            rows[i] = new float[] {from + i, -(from + i) / 3f, Float.MIN_VALUE * (from + i)};
        }
        return rows;
    }

    private Path write() throws IOException {
        Path out = dir.resolve("features");
        try (ItemFeatureWriter writer = ItemFeatureWriter.open(out, IDS, 3, IDENTITY)) {
            writer.append(rows(0, 3));
            writer.append(rows(3, 1));
            writer.finish();
        }
        return out;
    }

    @Test
    void rowsAreFoundByItemId() throws IOException {
        try (ItemFeatureTable table = ItemFeatureTable.open(write())) {
            assertThat(table.rows()).isEqualTo(4);
            assertThat(table.width()).isEqualTo(3);
            assertThat(table.row(586781)).containsExactly(rows(2, 1)[0]);
            assertThat(table.row(7)).containsExactly(rows(3, 1)[0]);
            assertThat(table.row(12345)).isNull();
        }
    }

    @Test
    void anInterruptedWriterResumesAfterItsLastRecordedRowAndOnlyThenIsReadable() throws IOException {
        Path out = dir.resolve("features");
        try (ItemFeatureWriter writer = ItemFeatureWriter.open(out, IDS, 3, IDENTITY)) {
            writer.append(rows(0, 2));
        }
        Files.write(out.resolve(ItemFeatureTable.FEATURES), new byte[] {1, 2, 3, 4, 5},
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ItemFeatureTable.open(out)).isInstanceOf(NpyException.class)
                .hasMessage(out + ": unfinished (features.progress.json is there): run the same glami-bench"
                        + " text-features command again to finish it");

        try (ItemFeatureWriter writer = ItemFeatureWriter.open(out, IDS, 3, IDENTITY)) {
            assertThat(writer.done()).isEqualTo(2);
            writer.append(rows(2, 2));
            writer.finish();
        }
        try (ItemFeatureTable table = ItemFeatureTable.open(out)) {
            for (int i = 0; i < IDS.length; i++) {
                assertThat(table.row(IDS[i])).containsExactly(rows(i, 1)[0]);
            }
        }
        assertThat(Files.size(out.resolve(ItemFeatureTable.FEATURES))).isEqualTo(128 + 4 * 3 * 4);
    }

    @Test
    void aFolderOfAnotherRequestIsNeverContinued() throws IOException {
        Path out = dir.resolve("features");
        try (ItemFeatureWriter writer = ItemFeatureWriter.open(out, IDS, 3, IDENTITY)) {
            writer.append(rows(0, 1));
        }
        assertThatThrownBy(() -> ItemFeatureWriter.open(out, IDS, 3, Map.of("model", "m2", "text_mask", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(out + " holds unfinished features of another request");
        assertThatThrownBy(() -> ItemFeatureWriter.open(out, Arrays.copyOf(IDS, 3), 3, IDENTITY))
                .hasMessageStartingWith(out + " holds unfinished features of another request");
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> ItemFeatureWriter.open(other, IDS, 3, IDENTITY))
                .hasMessage(other + " is not empty and holds no features being written; give an empty or new --out");
    }

    @Test
    void aFinishedFolderOfTheSameRequestNeedsNothingMore() throws IOException {
        Path out = write();
        try (ItemFeatureWriter writer = ItemFeatureWriter.open(out, IDS, 3, IDENTITY)) {
            assertThat(writer.done()).isEqualTo(writer.rows()).isEqualTo(4);
        }
    }

    @Test
    void brokenFoldersAreRefusedNamingTheFile() throws IOException {
        Path out = write();
        Path features = out.resolve(ItemFeatureTable.FEATURES);
        byte[] bytes = Files.readAllBytes(features);
        Files.write(features, Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> ItemFeatureTable.open(out)).isInstanceOf(NpyException.class)
                .hasMessage(features + ": " + (bytes.length - 4) + " bytes, shorter than the " + bytes.length
                        + " its header announces (truncated?)");

        Files.write(features, bytes);
        Path ids = out.resolve(ItemFeatureTable.ITEM_IDS);
        byte[] idBytes = Files.readAllBytes(ids);
        System.arraycopy(idBytes, 128, idBytes, 128 + 8, 8);
        Files.write(ids, idBytes);
        assertThatThrownBy(() -> ItemFeatureTable.open(out))
                .hasMessage(ids + ": item id 989034 is listed twice (rows 0 and 1)");

        Files.delete(ids);
        assertThatThrownBy(() -> ItemFeatureTable.open(out))
                .hasMessage(ids + ": no such file (a features folder holds item_ids.npy and features.npy)");
    }
}
