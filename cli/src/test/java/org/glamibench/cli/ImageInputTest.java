package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glamibench.store.ItemStatus;
import org.glamibench.testing.AdapterJars;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.image.TestImages;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.eval.TestDataset;

/**
 * Images as they come: over eight items of which one has no image, one a truncated JPEG and one a
 * file that is no JPEG at all, an IMAGE adapter gets input errors naming the files for those three
 * and scores the other five; a TEXT adapter never reads the images, so all eight are scored. The
 * adapters run in their child JVM (the default), so the decoded pixels cross the pipe.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImageInputTest {
    private static final List<GlamiRow> ITEMS = TestDataset.items(8);

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() throws Exception {
        data = TestDataset.write(shared, ITEMS);
        TestDataset.writeImages(data, ITEMS);
        DatasetLayout layout = new DatasetLayout(data);
        Files.delete(layout.image(101_001));
        Files.write(layout.image(101_004), TestImages.truncated());
        Files.write(layout.image(101_006), "this is not a jpeg".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unreadableImagesAreInputErrorsNamingTheFileAndTheOthersAreScored() {
        evalOk(data, out, "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted-image",
                "--batch", "3", "--run-id", "image");

        StoredPredictions stored = StoredPredictions.read(out.resolve("image"));
        assertThat(stored.rows()).extracting(PredictionRow::itemId)
                .containsExactly(1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L);
        assertThat(stored.rows()).extracting(PredictionRow::status).containsExactly(ItemStatus.INPUT_ERROR,
                ItemStatus.OK, ItemStatus.OK, ItemStatus.INPUT_ERROR, ItemStatus.OK, ItemStatus.INPUT_ERROR,
                ItemStatus.OK, ItemStatus.OK);
        assertThat(stored.rows().get(0).error()).isEqualTo("images/101001.jpg: missing (no file 101001.jpg)");
        assertThat(stored.rows().get(3).error()).isEqualTo("images/101004.jpg: truncated (Truncated File - Missing "
                + "EOI marker; Corrupt JPEG data: premature end of data segment)");
        assertThat(stored.rows().get(5).error()).isEqualTo("images/101006.jpg: unreadable (Not a JPEG file: starts "
                + "with 0x74 0x68)");

        JsonNode json = runJson(out.resolve("image"));
        assertThat(json.at("/adapter/modality").asText()).isEqualTo("IMAGE");
        assertThat(json.at("/errors/input_errors").asLong()).isEqualTo(3);
        assertThat(json.at("/errors/adapter_errors").asLong()).isZero();
        assertThat(json.at("/errors/examples")).extracting(example -> example.get("item_id").asLong())
                .containsExactly(1001L, 1004L, 1006L);
        assertThat(json.at("/errors/examples/0/status").asText()).isEqualTo("input_error");
        assertThat(json.at("/metrics/status_counts/input_error").asLong()).isEqualTo(3);
        assertThat(json.at("/metrics/status_counts/ok").asLong()).isEqualTo(5);
        // Right guesses at 0, 1, 3, 4, 6, 7; 0 and 3 have no image.
        assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(4);
        assertThat(json.at("/metrics/top1").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aTextAdapterNeverReadsTheImages() {
        evalOk(data, out, "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted",
                "--batch", "3", "--run-id", "text");

        StoredPredictions stored = StoredPredictions.read(out.resolve("text"));
        assertThat(stored.rows()).extracting(PredictionRow::status).containsOnly(ItemStatus.OK).hasSize(8);
        JsonNode json = runJson(out.resolve("text"));
        assertThat(json.at("/errors/input_errors").asLong()).isZero();
        assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(6);
    }
}
