package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} on a test split that cannot be scored, and on one that lenient reading repairs. */
class EvalBadSplitTest {
    private static final String HEADER = "item_id,image_id,geo,name,description,category,category_name,label_source\n";

    @TempDir
    Path dir;
    Path root;
    Path out;

    @BeforeEach
    void writeDataset() throws IOException {
        root = Files.createDirectories(dir.resolve("GLAMI-1M-dataset"));
        out = dir.resolve("runs");
        Files.writeString(root.resolve("GLAMI-1M-train.csv"), HEADER
                + "1,101,cz,n,,6,womens-blouses-and-shirts,admin\n"
                + "2,102,sk,n,,2811,mens-sneakers,admin\n", StandardCharsets.UTF_8);
    }

    @Test
    void aHeaderOnlyTestSplitIsBadInputAndWritesNoRun() throws IOException {
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), HEADER, StandardCharsets.UTF_8);

        CommandRun run = EvalCli.eval(root, out, "--adapter", "prior");

        assertThat(run.exitCode()).isEqualTo(GlamiBench.EXIT_BAD_INPUT);
        assertThat(run.err()).endsWith("error: " + root.resolve("GLAMI-1M-test.csv")
                + ": no rows (the file holds only a header)\n");
        try (Stream<Path> written = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertThat(written.map(path -> path.getFileName().toString())).allMatch("cache"::equals);
        }
    }

    @Test
    void aTestSplitThatLinksToADeviceIsBadInputSayingWhatItIs() throws IOException {
        Path test = root.resolve("GLAMI-1M-test.csv");
        Files.createSymbolicLink(test, Path.of("/dev/zero"));

        CommandRun run = EvalCli.eval(root, out, "--adapter", "prior");

        assertThat(run.exitCode()).isEqualTo(GlamiBench.EXIT_BAD_INPUT);
        assertThat(run.err()).endsWith("error: " + test
                + ": not a regular file (a link to /dev/zero, a device, pipe or socket)\n");
        Files.delete(test);
    }

    @Test
    void lenientEvalExitsZeroAndCountsEachSkippedRowAfterAStrayQuote() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int item = 10; item < 20; item++) {
            csv.append(item).append(",201,gr,").append(item == 14 ? "\"stray" : "n").append(",,6,womens-blouses-and-shirts,admin\n");
        }
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), csv, StandardCharsets.UTF_8);

        CommandRun run = EvalCli.evalOk(root, out, "--adapter", "prior", "--lenient", "--run-id", "lenient");

        assertThat(run.err()).contains("skipped GLAMI-1M-test.csv:6: malformed CSV: Missing closing quote for value"
                + " (detected at line 12)");
        JsonNode json = EvalCli.runJson(out.resolve("lenient"));
        assertThat(json.at("/dataset/skipped_rows").asInt()).isEqualTo(1);
        assertThat(json.at("/dataset/rows").asInt()).isEqualTo(9);
    }
}
