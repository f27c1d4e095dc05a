package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.download.TestServer;
import org.glamibench.download.TestZips;
import org.glamibench.sample.SampleGenerator;
import org.glamibench.sample.SampleOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.dataset.ClassIndexCollector;
import org.glamibench.testing.ProjectRoot;

/**
 * {@code glami-bench eval} with the {@code exported} and {@code baseline} adapters on the synthetic
 * sample: the MobileNetV2 ONNX fixture with a spec over the sample's first five classes, run from
 * its spec, and zipped with it and served as a baseline from a local server on 127.0.0.1.
 */
class EvalModelsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ZIP_PATH = "/record/files/mobilenet-tiny.zip";

    @TempDir
    static Path shared;
    private static Path data;
    private static Path spec;
    private static byte[] zip;

    @TempDir
    Path temp;
    private TestServer server;

    @BeforeAll
    static void sampleAndModel() throws IOException, URISyntaxException {
        data = shared.resolve("sample");
        SampleGenerator.generate(data, new SampleOptions(400, 40, 1, true, 2, false));
        ClassIndex classes = ClassIndexCollector.read(DatasetLayout.locate(data, Map.of()), GlamiCsvReader.Mode.STRICT);
        Path fixtures = ProjectRoot.resolve("models/src/test/resources/exported");
        ObjectNode json = (ObjectNode) MAPPER.readTree(fixtures.resolve("mobilenet_v2.onnx.json").toFile());
        ArrayNode categories = ((ObjectNode) json.get("output")).putArray("categories");
        for (int c = 0; c < 5; c++) {
            categories.add(classes.category(c));
        }
        Path model = Files.createDirectories(shared.resolve("model"));
        spec = model.resolve("spec.json");
        MAPPER.writeValue(spec.toFile(), json);
        Files.copy(fixtures.resolve("mobilenet_v2.onnx"), model.resolve("mobilenet_v2.onnx"));
        zip = TestZips.zip(Map.of("mobilenet-tiny/spec.json", Files.readAllBytes(spec),
                "mobilenet-tiny/mobilenet_v2.onnx", Files.readAllBytes(model.resolve("mobilenet_v2.onnx"))));
    }

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.start().serve(ZIP_PATH, zip);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CommandRun eval(String... args) {
        String[] common = {"eval", "--data", data.toString(), "--out", temp.resolve("runs").toString(), "--cache",
            temp.resolve("cache").toString(), "--limit", "12", "--batch", "5", "--threads", "2"};
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return CommandRun.of(all);
    }

    private JsonNode runJson(String runDirPrefix) throws IOException {
        try (var dirs = Files.list(temp.resolve("runs"))) {
            Path dir = dirs.filter(d -> d.getFileName().toString().startsWith(runDirPrefix)).findFirst().orElseThrow();
            return MAPPER.readTree(dir.resolve("run.json").toFile());
        }
    }

    private Path registry() throws IOException {
        Path file = temp.resolve("baselines.json");
        Files.writeString(file, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [{\"name\": \"mobilenet-tiny\","
                + " \"kind\": \"model-zip\", \"modality\": \"IMAGE\", \"url\": \"" + server.uri(ZIP_PATH) + "\","
                + " \"file\": \"mobilenet-tiny.zip\", \"size\": " + zip.length + ", \"sha256\": \"" + TestZips.sha256(zip)
                + "\", \"license\": \"Apache-2.0\", \"description\": \"a test fixture\"}]}");
        return file;
    }

    @Test
    void anExportedModelRunsFromItsSpec() throws IOException {
        CommandRun run = eval("--adapter", "exported", "--adapter-option", "spec=" + spec);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("exported:mobilenet-v2-tiny on test (12 items)").contains("0 adapter errors");
        assertThat(run.err()).contains("exported:mobilenet-v2-tiny: OnnxRuntime 1.21.1 on cpu");
        JsonNode adapter = runJson("exported_mobilenet-v2-tiny-test-").get("adapter");
        assertThat(adapter.get("name").asText()).isEqualTo("exported:mobilenet-v2-tiny");
        assertThat(adapter.get("modality").asText()).isEqualTo("IMAGE");
        assertThat(adapter.get("output").asText()).isEqualTo("PROBABILITIES");
        assertThat(adapter.get("weights_sha256").asText())
                .isEqualTo(TestZips.sha256(Files.readAllBytes(spec.resolveSibling("mobilenet_v2.onnx"))));
        assertThat(adapter.get("description").asText()).contains("OnnxRuntime 1.21.1 on cpu, covers 5 of the run's");
    }

    @Test
    void aWrongSpecStopsTheRunBeforeItStarts() throws IOException {
        Path wrong = spec.resolveSibling("wrong.json");
        Files.writeString(wrong, Files.readString(spec).replace("\"resize\"", "\"resise\""));

        CommandRun run = eval("--adapter", "exported", "--adapter-option", "spec=" + wrong);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: " + wrong + ": image.resise: unknown key");
        assertThat(temp.resolve("runs")).doesNotExist();
    }

    @Test
    void aBaselineIsDownloadedResumedVerifiedAndRunOnceDownloaded() throws IOException {
        server.cutNextResponseAfter(200_000);

        CommandRun first = eval("--adapter", "baseline:mobilenet-tiny", "--adapter-option", "registry=" + registry());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("Downloading mobilenet-tiny.zip").contains("retrying in 2 s from byte 200000")
                .contains("Verified ");
        assertThat(server.requests()).containsExactly(new TestServer.Request(ZIP_PATH, null),
                new TestServer.Request(ZIP_PATH, "bytes=200000-"));
        JsonNode adapter = runJson("baseline_mobilenet-tiny-test-").get("adapter");
        assertThat(adapter.get("name").asText()).isEqualTo("baseline:mobilenet-tiny");
        assertThat(adapter.get("version").asText()).isEqualTo("sha256:" + TestZips.sha256(zip).substring(0, 12));
        assertThat(adapter.get("weights_sha256").asText()).isEqualTo(TestZips.sha256(zip));
        assertThat(adapter.get("modality").asText()).isEqualTo("IMAGE");
        assertThat(adapter.get("license").asText()).isEqualTo("Apache-2.0");
        assertThat(first.out()).contains("baseline:mobilenet-tiny on test (12 items)").contains(" 0 input errors, 0 adapter errors");
        double top1 = runJson("baseline_mobilenet-tiny-test-").get("metrics").get("top1").asDouble();

        CommandRun second = eval("--adapter", "baseline:mobilenet-tiny", "--adapter-option", "registry=" + registry(),
                "--force");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("Downloading").contains("Verified ");
        assertThat(server.requests()).hasSize(2);
        assertThat(runJson("baseline_mobilenet-tiny-test-").get("metrics").get("top1").asDouble()).isEqualTo(top1);
    }

    @Test
    void aBaselineByUrlWithTheWrongChecksumIsRefused() {
        CommandRun run = eval("--adapter", "baseline", "--adapter-option", "url=" + server.uri(ZIP_PATH),
                "--adapter-option", "sha256=" + "ab".repeat(32));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("sha256 mismatch: expected " + "ab".repeat(32) + ", actual " + TestZips.sha256(zip))
                .contains("Nothing of it is used");
        assertThat(temp.resolve("cache/weights/" + "ab".repeat(32) + "/mobilenet-tiny.zip")).doesNotExist();
    }

    @Test
    void aBaselineByUrlRunsWithTheRightChecksum() throws IOException {
        CommandRun run = eval("--adapter", "baseline", "--adapter-option", "url=" + server.uri(ZIP_PATH),
                "--adapter-option", "sha256=" + TestZips.sha256(zip), "--adapter-option", "size=" + zip.length);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(" 0 input errors, 0 adapter errors");
        assertThat(runJson("baseline_mobilenet-tiny-test-").get("adapter").get("modality").asText()).isEqualTo("IMAGE");
    }

    @Test
    void aPickleOfAnotherNetworkIsRefusedWithTheReason() throws IOException {
        Path file = temp.resolve("pickles.json");
        Files.writeString(file, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [{\"name\": \"my-net\","
                + " \"kind\": \"pytorch-pickle\", \"url\": \"https://example.org/my_net.pt\", \"file\": \"my_net.pt\","
                + " \"size\": \"unknown\", \"sha256\": \"unknown\"}]}");

        CommandRun run = eval("--adapter", "baseline:my-net", "--adapter-option", "registry=" + file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("baseline:my-net cannot be run: my_net.pt (https://example.org/my_net.pt) is a"
                + " PyTorch pickle").contains("torch.onnx.export");
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    @Test
    void anUnknownBaselineListsTheKnownOnes() {
        CommandRun run = eval("--adapter", "baseline:resnext");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no baseline named 'resnext' in built-in baselines.json; known: "
                + "glami-embracenet");
    }
}
