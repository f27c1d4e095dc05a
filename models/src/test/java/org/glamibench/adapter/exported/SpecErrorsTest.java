package org.glamibench.adapter.exported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.dataset.ClassIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wrong spec is a clear error when the adapter is configured or opened, naming the spec file
 * and the field, never a failure in the middle of a run.
 */
class SpecErrorsTest {

    @TempDir
    Path temp;

    /** Cases found by reading the spec: edits of the MobileNetV2 ONNX spec (or of the text spec). */
    static Stream<Arguments> specCases() {
        return Stream.of(
                edit("mobilenet_v2.onnx.json", s -> s.put("format", "glami-bench-model-spec/2"), "format",
                        "must be \"glami-bench-model-spec/1\""),
                edit("mobilenet_v2.onnx.json", s -> s.remove("modality"), "modality", "missing"),
                edit("mobilenet_v2.onnx.json", s -> s.remove("output"), "output", "missing"),
                edit("mobilenet_v2.onnx.json", s -> s.put("imagee", 1), "imagee", "unknown key; known keys here: format"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("meen", 1), "image.meen", "unknown key"),
                edit("mobilenet_v2.onnx.json", s -> s.put("modality", "VIDEO"), "modality",
                        "must be one of IMAGE, TEXT, IMAGE_TEXT, got \"VIDEO\""),
                edit("mobilenet_v2.onnx.json", s -> s.put("modality", "NONE"), "modality",
                        "must be one of IMAGE, TEXT, IMAGE_TEXT, got \"NONE\""),
                edit("mobilenet_v2.onnx.json", s -> s.put("engine", "TensorFlow"), "engine",
                        "must be one of OnnxRuntime, PyTorch"),
                edit("mobilenet_v2.onnx.json", s -> s.put("name", "MobileNet"), "name", "must be lower-case"),
                edit("mobilenet_v2.onnx.json", s -> s.put("model", "missing.onnx"), "model", "no such file"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("resize", "cubic"), "image.resize",
                        "unknown resize method 'cubic'"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("scale", "1/0"), "image.scale", "positive and finite"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("scale", "a third"), "image.scale",
                        "must be a number or a fraction"),
                edit("mobilenet_v2.onnx.json", s -> image(s).remove("scale"), "image.scale", "missing"),
                edit("mobilenet_v2.onnx.json", s -> image(s).putArray("mean").add(0.5).add(0.5), "image.mean",
                        "must have 3 elements, got 2"),
                edit("mobilenet_v2.onnx.json", s -> image(s).putArray("std").add(0.2).add(0).add(0.2), "image.std[1]",
                        "must be positive"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("channels", "RGBA"), "image.channels",
                        "must be one of RGB, BGR"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("layout", "NCHW"), "image.layout",
                        "must be one of CHW, HWC"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("crop", "centre"), "image.crop",
                        "must be one of none, center"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("width", "48"), "image.width", "must be an integer"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("width", 50), "inputs[0].shape",
                        "is [batch, 3, image.height = 64, image.width = 50], got [-1, 3, 64, 48]"),
                edit("mobilenet_v2.onnx.json", s -> image(s).put("layout", "HWC"), "inputs[0].shape",
                        "an image input with layout HWC is [batch, image.height = 64, image.width = 48, 3]"),
                edit("mobilenet_v2.onnx.json", s -> s.remove("image"), "image", "missing"),
                edit("mobilenet_v2.onnx.json", s -> s.putObject("text").put("tokenizer", "tokenizer.json"), "text",
                        "given for an IMAGE model, which reads no text"),
                edit("mobilenet_v2.onnx.json", s -> input(s, 0).put("source", "input_ids"), "inputs[0].source",
                        "input_ids, but an IMAGE model reads no text"),
                edit("mobilenet_v2.onnx.json", s -> input(s, 0).put("name", "img").remove("source"),
                        "inputs[0].source", "missing (it may be left out only when the name is one of"),
                edit("mobilenet_v2.onnx.json", s -> ((ArrayNode) input(s, 0).get("shape")).set(0, 0),
                        "inputs[0].shape[0]", "must be -1 (any) or positive, got 0"),
                edit("mobilenet_v2.onnx.json", s -> s.putArray("inputs"), "inputs", "must have at least 1 element"),
                edit("mobilenet_v2.onnx.json", s -> output(s).put("kind", "scores"), "output.kind",
                        "must be one of probabilities, logits, got \"scores\""),
                edit("mobilenet_v2.onnx.json", s -> output(s).putArray("categories").add(6).add(132).add(6),
                        "output.categories[2]", "category 6 is listed twice (also at [0])"),
                edit("mobilenet_v2.onnx.json", s -> output(s).putArray("categories").add(6).add(-1),
                        "output.categories[1]", "must be an integer from 0"),
                edit("text.onnx.json", s -> s.withObjectProperty("text").put("tokenizer", "no-tokenizer.json"), "text.tokenizer",
                        "no such file"),
                edit("text.onnx.json", s -> s.withObjectProperty("text").put("max_length", 0), "text.max_length",
                        "must be an integer from 1 to 8192, got 0"),
                edit("text.onnx.json", s -> s.withObjectProperty("text").put("max_length", 16), "inputs[0].shape",
                        "token inputs are [batch, text.max_length = 16], got [-1, 12]"),
                edit("text.onnx.json", s -> ((ArrayNode) input(s, 1).get("shape")).set(0, 4), "inputs[1].shape[0]",
                        "the batch size 4 differs from inputs[0]'s -1"),
                edit("text.onnx.json", s -> input(s, 1).put("source", "input_ids"), "inputs[1].source",
                        "input_ids feeds inputs[0] already"),
                edit("text.onnx.json", s -> input(s, 1).put("name", "input_ids"), "inputs[1].name",
                        "\"input_ids\" is used twice"),
                edit("text.onnx.json", s -> s.remove("text"), "text", "missing"),
                edit("fusion.onnx.json", s -> ((ArrayNode) s.get("inputs")).remove(0), "inputs",
                        "a IMAGE_TEXT model needs an input with source image"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("specCases")
    void wrongSpecsAreClearErrorsWhenConfigured(Consumer<Path> write, String field, String phrase) {
        Path spec = temp.resolve("spec.json");
        write.accept(spec);

        assertThatThrownBy(() -> new ExportedAdapter().descriptor(Map.of("spec", spec.toString())))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith(spec + ": " + field + ": ")
                .hasMessageContaining(phrase)
                .satisfies(e -> assertThat(((SpecException) e).field()).isEqualTo(field));
    }

    @Test
    void filesThatAreNotSpecsAreClearErrors() throws IOException {
        Path spec = temp.resolve("spec.json");
        Files.writeString(spec, "{\"format\": \"glami-bench-model-spec/1\",\n  \"name\": ");
        assertThatThrownBy(() -> ModelSpec.read(spec)).hasMessageStartingWith(spec + ": not valid JSON at line 2");
        Files.writeString(spec, "[1, 2]");
        assertThatThrownBy(() -> ModelSpec.read(spec)).hasMessage(spec + ": must hold a JSON object {...}");
        Files.writeString(spec, "{\"name\": \"a\", \"name\": \"b\"}");
        assertThatThrownBy(() -> ModelSpec.read(spec)).hasMessageContaining("Duplicate field 'name'");
        assertThatThrownBy(() -> ModelSpec.read(temp.resolve("absent.json"))).hasMessage(temp.resolve("absent.json")
                + ": no such file");
        Files.writeString(spec, "{}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelSpec.read(spec)).hasMessage(spec + ": format: missing");
    }

    @Test
    void theSpecOptionIsRequiredAndOthersAreRefused() {
        assertThatThrownBy(() -> new ExportedAdapter().descriptor(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exported needs --adapter-option spec=FILE.json");
        assertThatThrownBy(() -> new ExportedAdapter().descriptor(Map.of("spec", "x.json", "spce", "y.json")))
                .hasMessage("exported: unknown --adapter-option spce; it takes spec=FILE.json and threads=N");
        assertThatThrownBy(() -> new ExportedAdapter().descriptor(Map.of("spec", "x.json", "threads", "0")))
                .hasMessage("exported: threads must be a positive number, got '0'");
    }

    /** Cases found when the model is loaded and run on a dummy batch. */
    static Stream<Arguments> openCases() {
        return Stream.of(
                edit("mobilenet_v2.onnx.json", s -> output(s).putArray("categories").add(6).add(132).add(2811).add(39412)
                        .add(12345), "output.categories[4]", "category 12345 is not in the run's class index (7 categories)"),
                edit("mobilenet_v2.onnx.json", s -> output(s).putArray("categories").add(6).add(132).add(2811).add(39412),
                        "output.categories", "lists 4 categories, but the model's output has 5 columns"),
                edit("mobilenet_v2.onnx.json", s -> input(s, 0).put("name", "img").put("source", "image"),
                        "inputs[0].name", "the model has no input \"img\"; its inputs are [image]"),
                edit("mobilenet_v2.onnx.json", s -> {
                    image(s).put("width", 40).put("height", 40);
                    ((ArrayNode) input(s, 0).get("shape")).set(2, 40).set(3, 40);
                }, "inputs", "a dummy batch of 3 items shaped as the spec says: OnnxRuntime failed on a batch of 3 "
                        + "(image [3, 3, 40, 40] float32)"),
                edit("mobilenet_v2.onnx.json", s -> output(s).put("kind", "probabilities"), "output.kind",
                        "probabilities, but the model gave"),
                edit("mobilenet_v2.onnx.json", s -> output(s).put("name", "scores"), "output.name",
                        "the model has no output \"scores\"; its outputs are [logits]"),
                edit("mobilenet_v2.onnx.json", s -> s.put("engine", "PyTorch"), "model", "PyTorch cannot load"),
                edit("mobilenet_v2.pt.json", s -> s.put("engine", "OnnxRuntime"), "model", "OnnxRuntime cannot load"),
                edit("text_b2.onnx.json", s -> {
                    ((ArrayNode) input(s, 0).get("shape")).set(0, -1);
                    ((ArrayNode) input(s, 1).get("shape")).set(0, -1);
                }, "inputs", "(a model exported with a fixed batch size needs that size as shape[0] of its inputs)"),
                edit("text.onnx.json", s -> ((ArrayNode) s.get("inputs")).remove(1), "inputs",
                        "the model has 2 inputs [input_ids, attention_mask], the spec lists 1 [input_ids]"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("openCases")
    void modelsThatDoNotFitTheSpecAreClearErrorsAtOpen(Consumer<Path> write, String field, String phrase) {
        Path spec = temp.resolve("spec.json");
        write.accept(spec);

        try (ExportedAdapter adapter = new ExportedAdapter()) {
            assertThatThrownBy(() -> adapter.open(context(spec, DeviceSpec.CPU)))
                    .isInstanceOf(SpecException.class)
                    .hasMessageStartingWith(spec + ": " + field + ": ")
                    .hasMessageContaining(phrase);
        }
    }

    @Test
    void aGpuWhereTheEngineHasNoneIsAClearError() {
        try (ExportedAdapter adapter = new ExportedAdapter()) {
            assertThatThrownBy(() -> adapter.open(context(Fixtures.file("text.onnx.json"), DeviceSpec.parse("gpu:1"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--device gpu:1: the OnnxRuntime engine cannot use a GPU: the onnxruntime jar here has no "
                            + "CUDA provider (com.microsoft.onnxruntime:onnxruntime_gpu is needed); for a GPU, run the GPU "
                            + "build: GLAMI_BENCH_GPU=1 ./glami-bench ... (docs/gpu.md)");
        }
        try (ExportedAdapter adapter = new ExportedAdapter()) {
            assertThatThrownBy(() -> adapter.open(context(Fixtures.file("text.pt.json"), DeviceSpec.parse("gpu"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--device gpu:0: the PyTorch engine cannot use a GPU: the native PyTorch library here is "
                            + "a CPU build; for a GPU, run the GPU build: GLAMI_BENCH_GPU=1 ./glami-bench ... (docs/gpu.md)");
        }
    }

    private AdapterContext context(Path spec, DeviceSpec device) {
        ClassIndex classes = Fixtures.classIndex();
        return new AdapterContext(classes, device, temp, Map.of("spec", spec.toString()), 1, java.util.Optional.empty());
    }

    /** A case: the fixture spec, edited, written with absolute file paths; the field and a phrase of the error. */
    private static Arguments edit(String fixture, Consumer<ObjectNode> change, String field, String phrase) {
        Consumer<Path> write = target -> {
            ObjectNode spec = (ObjectNode) Fixtures.json(fixture);
            spec.put("model", Fixtures.file(spec.get("model").asText()).toString());
            if (spec.has("text")) {
                ((ObjectNode) spec.get("text")).put("tokenizer", Fixtures.file("tokenizer.json").toString());
            }
            change.accept(spec);
            try {
                Fixtures.MAPPER.writeValue(target.toFile(), spec);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return Arguments.of(write, field, phrase);
    }

    private static ObjectNode image(ObjectNode spec) {
        return (ObjectNode) spec.get("image");
    }

    private static ObjectNode output(ObjectNode spec) {
        return (ObjectNode) spec.get("output");
    }

    private static ObjectNode input(ObjectNode spec, int index) {
        return (ObjectNode) spec.get("inputs").get(index);
    }
}
