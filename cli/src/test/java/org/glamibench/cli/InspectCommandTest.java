package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glamibench.image.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    private static final String HEADER = "item_id,image_id,geo,name,description,category,category_name,label_source\n";

    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void writeDataset() throws IOException {
        root = Files.createDirectories(dir.resolve("GLAMI-1M-dataset"));
        Files.writeString(root.resolve("GLAMI-1M-train.csv"), HEADER
                + "1,101,cz,Dámské tričko,,6,womens-blouses-and-shirts,admin\n"
                + "2,102,sk,Pánske tenisky,\"Farba: čierna, \"\"nové\"\"\",2811,mens-sneakers,\n"
                + "3,103,bg,Мъжки маратонки,,2811,mens-sneakers,custom-tag\n"
                + "4,104,lt,Moteriška striukė,,86531,womens-sport-jackets,combined-tag\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), HEADER
                + "10,201,gr,\"Γυναικεία μπλούζα, μαύρη\",\"Υλικό:\n100% βαμβάκι\",6,womens-blouses-and-shirts,admin\n"
                + "11,202,tr,Erkek Spor Ayakkabı,,2811,mens-sneakers,custom-tag\n"
                + "12,202,hu,Férfi sportcipő,,2811,mens-sneakers,custom-tag\n"
                + "13,203,cz,Bunda,,86531,womens-sport-jackets,admin\n", StandardCharsets.UTF_8);
        Path images = Files.createDirectories(root.resolve("images"));
        Files.write(images.resolve("201.jpg"), TestImages.glamiJpeg());
        Files.write(images.resolve("202.jpg"), TestImages.glamiJpeg());
        Files.write(images.resolve("203.jpg"), TestImages.truncated());
    }

    @Test
    void printsTheSplitAsJson() throws IOException {
        CommandRun run = CommandRun.of("inspect", "--data", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("rows").asInt()).isEqualTo(4);
        assertThat(json.get("per_geo").size()).isEqualTo(13);
        assertThat(json.get("per_geo").get("tr").asInt()).isEqualTo(1);
        assertThat(json.get("per_geo").get("sk").asInt()).isZero();
        assertThat(json.get("classes").asInt()).isEqualTo(3);
        assertThat(json.get("class_index_source").asText()).isEqualTo("train");
        assertThat(json.get("per_label_source").get("custom-tag").asInt()).isEqualTo(2);
        assertThat(json.get("per_label_source").get("admin").asInt()).isEqualTo(2);
        assertThat(json.get("largest_classes").get(0).get("category").asInt()).isEqualTo(2811);
        assertThat(json.get("largest_classes").get(0).get("rows").asInt()).isEqualTo(2);
        assertThat(json.get("manifest_sha256").asText()).hasSize(64);
        assertThat(json.get("class_index_sha256").asText()).hasSize(64);
        assertThat(json.get("problems").size()).isZero();
    }

    @Test
    void verifyImagesReportsEachBadImageAndHashesImageBytes() throws IOException {
        JsonNode plain = new ObjectMapper().readTree(CommandRun.of("inspect", "--data", dir.toString(), "--json").out());
        CommandRun run = CommandRun.of("inspect", "--data", dir.toString(), "--json", "--verify-images");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(GlamiBench.EXIT_PROBLEMS);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("images").get("items").asInt()).isEqualTo(4);
        assertThat(json.get("images").get("files").asInt()).isEqualTo(3);
        assertThat(json.get("images").get("ok").asInt()).isEqualTo(3);
        assertThat(json.get("images").get("problems").get("truncated").asInt()).isEqualTo(1);
        assertThat(json.get("problems").get(0).asText()).startsWith("images/203.jpg (item 13): truncated (");
        assertThat(json.get("manifest_includes_images").asBoolean()).isTrue();
        assertThat(json.get("manifest_sha256").asText()).isNotEqualTo(plain.get("manifest_sha256").asText());
    }

    @Test
    void printsOneItemAsParsed() throws IOException {
        CommandRun run = CommandRun.of("inspect", "--data", root.toString(), "--item", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out())).isEqualTo(new ObjectMapper().readTree("""
                {"item_id": 10, "image_id": 201, "geo": "gr", "name": "Γυναικεία μπλούζα, μαύρη",
                 "description": "Υλικό:\\n100% βαμβάκι", "category": 6,
                 "category_name": "womens-blouses-and-shirts", "label_source": "admin"}"""));
    }

    @Test
    void textOutputNamesTheHashesAndProblems() {
        CommandRun run = CommandRun.of("inspect", "--data", dir.toString(), "--split", "train");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("GLAMI-1M train split", "manifest sha256", "class index sha256",
                "  (empty)                1   25.0%", "problems: none");
    }

    @Test
    void aBadRowIsExitCode2NamingFileLineAndField() throws IOException {
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), HEADER + "10,201,gr,n,,6,womens-blouses-and-shirts,admin\n"
                + "11,202,xx,n,,6,womens-blouses-and-shirts,admin\n", StandardCharsets.UTF_8);

        CommandRun strict = CommandRun.of("inspect", "--data", dir.toString());
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).startsWith("error: GLAMI-1M-test.csv:3: field 'geo': unknown geo 'xx'");

        CommandRun lenient = CommandRun.of("inspect", "--data", dir.toString(), "--lenient");
        assertThat(lenient.exitCode()).isEqualTo(GlamiBench.EXIT_PROBLEMS);
        assertThat(lenient.out()).contains("problems: 1 (1 rows skipped)", "GLAMI-1M-test.csv:3: field 'geo'");
    }

    @Test
    void lenientResynchronisesAfterAStrayQuoteAndExitsWithProblemsFound() throws IOException {
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), HEADER
                + "10,201,gr,n,,6,womens-blouses-and-shirts,admin\n"
                + "11,202,tr,\"stray,,2811,mens-sneakers,admin\n"
                + "12,202,hu,n,,2811,mens-sneakers,admin\n", StandardCharsets.UTF_8);

        CommandRun strict = CommandRun.of("inspect", "--data", dir.toString());
        assertThat(strict.exitCode()).isEqualTo(GlamiBench.EXIT_BAD_INPUT);
        assertThat(strict.err()).isEqualTo("error: GLAMI-1M-test.csv:3: malformed CSV: Missing closing quote for value"
                + " (detected at line 5)\n");

        CommandRun lenient = CommandRun.of("inspect", "--data", dir.toString(), "--lenient");
        assertThat(lenient.exitCode()).as(lenient.err()).isEqualTo(GlamiBench.EXIT_PROBLEMS);
        assertThat(lenient.out()).contains("  rows                2\n", "problems: 1 (1 rows skipped)\n"
                + "  GLAMI-1M-test.csv:3: malformed CSV: Missing closing quote for value (detected at line 5)\n");
    }

    @Test
    void aCategoryNamedDifferentlyInTheTwoSplitsIsAProblem() throws IOException {
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), HEADER
                + "10,201,gr,n,,6,womens-blouses-and-shirts,admin\n"
                + "11,202,tr,n,,2811,mens-trainers,admin\n"
                + "12,202,hu,n,,2811,mens-trainers,admin\n", StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("inspect", "--data", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(GlamiBench.EXIT_PROBLEMS);
        assertThat(run.out()).contains("  rows                3\n", "problems: 1 (0 rows skipped)\n"
                + "  GLAMI-1M-test.csv:3: field 'category_name': category 2811 is 'mens-trainers' here but"
                + " 'mens-sneakers' in GLAMI-1M-train.csv:3\n");
    }

    /** {@code .ci/run} inspects the quickstart's sample and needs exit 0: the sample has no problems. */
    @Test
    void theSyntheticSampleHasNoProblems() {
        Path sample = dir.resolve("sample");
        assertThat(CommandRun.of("sample", "--out", sample.toString(), "--train", "300", "--test", "100", "--no-images")
                .exitCode()).isZero();

        CommandRun run = CommandRun.of("inspect", "--data", sample.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("  rows                100\n", "problems: none\n");
    }

    @Test
    void aHeaderOnlySplitIsBadInputNamingTheFile() throws IOException {
        Files.writeString(root.resolve("GLAMI-1M-test.csv"), HEADER, StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("inspect", "--data", dir.toString());

        assertThat(run.exitCode()).isEqualTo(GlamiBench.EXIT_BAD_INPUT);
        assertThat(run.err()).isEqualTo("error: " + root.resolve("GLAMI-1M-test.csv")
                + ": no rows (the file holds only a header)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aSplitThatLinksToADeviceIsBadInputSayingWhatItIs() throws IOException {
        Path test = root.resolve("GLAMI-1M-test.csv");
        Files.delete(test);
        Files.createSymbolicLink(test, Path.of("/dev/zero"));

        CommandRun run = CommandRun.of("inspect", "--data", dir.toString());

        assertThat(run.exitCode()).isEqualTo(GlamiBench.EXIT_BAD_INPUT);
        assertThat(run.err()).isEqualTo("error: " + test
                + ": not a regular file (a link to /dev/zero, a device, pipe or socket)\n");
        Files.delete(test);
    }

    @Test
    void unknownItemOrSplitIsExitCode2() {
        assertThat(CommandRun.of("inspect", "--data", dir.toString(), "--item", "999").err())
                .contains("no item_id 999");
        assertThat(CommandRun.of("inspect", "--data", dir.toString(), "--split", "dev").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("inspect", "--data", dir.resolve("nowhere").toString()).exitCode()).isEqualTo(2);
    }
}
