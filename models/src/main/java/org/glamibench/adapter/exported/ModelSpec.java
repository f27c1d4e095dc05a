package org.glamibench.adapter.exported;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;
import org.glamibench.image.ResizeMethod;

/**
 * A classifier exported from Python (ONNX or TorchScript) and how to feed it, read from a JSON spec
 * file: everything the {@code exported} adapter needs, checked as far as it can be without loading
 * the model. Relative paths are resolved against the spec's folder. The format is described in the
 * docs/models.md ("Models exported from Python").
 *
 * @param file        the spec file
 * @param name        the model's name: lower-case letters, digits, '.', '_', '-'
 * @param version     the model's version ({@code "1"} when not given)
 * @param description one line about the model; null when not given
 * @param license     the model's licence; null when not given
 * @param modality    the inputs the model reads
 * @param engine      the engine that runs the model file
 * @param model       the model file
 * @param inputs      the model's inputs, in the order of its forward arguments
 * @param image       how images become the image input; null for TEXT models
 * @param text        how texts become token inputs; null for IMAGE models
 * @param output      what the model returns
 */
public record ModelSpec(Path file, String name, String version, String description, String license,
                        Modality modality, Engine engine, Path model, List<Input> inputs, ImageSettings image,
                        TextSettings text, Output output) {

    /** The value of the {@code format} key of every spec of this version. */
    public static final String FORMAT = "glami-bench-model-spec/1";
    /** The longest token sequence a spec may ask for. */
    public static final int MAX_TOKENS = 8192;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern FRACTION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)\\s*");

    public ModelSpec {
        inputs = List.copyOf(inputs);
    }

    /** The engines a model can run on, by their DJL names. */
    public enum Engine {
        /** ONNX Runtime, for {@code .onnx} files. */
        ONNX_RUNTIME("OnnxRuntime"),
        /** PyTorch (libtorch), for TorchScript files ({@code torch.jit.trace} or {@code script}, then save). */
        PYTORCH("PyTorch");

        private final String djlName;

        Engine(String djlName) {
            this.djlName = djlName;
        }

        /** The engine's name in DJL and in specs. */
        public String djlName() {
            return djlName;
        }
    }

    /** What feeds a model input. */
    public enum Source {
        /** The preprocessed image, float32. */
        IMAGE("image"),
        /** The tokenizer's token ids, int64. */
        INPUT_IDS("input_ids"),
        /** The tokenizer's attention mask (1 for tokens, 0 for padding), int64. */
        ATTENTION_MASK("attention_mask"),
        /** The tokenizer's token type ids, int64. */
        TOKEN_TYPE_IDS("token_type_ids");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** The name in specs. */
        public String label() {
            return label;
        }

        /** Whether the tokenizer makes it. */
        public boolean isText() {
            return this != IMAGE;
        }
    }

    /**
     * One model input.
     *
     * @param name   the input's name in the model (ONNX feeds inputs by name; TorchScript by position,
     *               in the spec's order)
     * @param source what feeds it
     * @param shape  its shape, batch first: {@code -1} for a dimension the model leaves open
     */
    public record Input(String name, Source source, long[] shape) {
        /** The batch size the model was exported with, or -1 when it takes any. */
        public long batch() {
            return shape[0];
        }
    }

    /** Cropping before resizing. */
    public enum Crop {
        /** The whole image is resized, its aspect ratio changed if need be. */
        NONE,
        /** The largest centred region of the model's aspect ratio is resized. */
        CENTER
    }

    /** The order of colour channels the model takes. */
    public enum Channels {
        RGB, BGR
    }

    /** Where the channel dimension lies. */
    public enum Layout {
        /** Channels, height, width: {@code [batch, 3, height, width]} (PyTorch). */
        CHW,
        /** Height, width, channels: {@code [batch, height, width, 3]} (TensorFlow, Keras). */
        HWC
    }

    /**
     * How an image becomes the model's image input: crop, resize to {@code width x height}, then per
     * channel {@code (pixel * scale - mean[c]) / std[c]} with pixels 0..255 and {@code c} counted in
     * the model's channel order.
     */
    public record ImageSettings(int width, int height, ResizeMethod resize, Crop crop, float scale, float[] mean,
                                float[] std, Channels channels, Layout layout) {
    }

    /**
     * How a text (name, a space, description) becomes token inputs.
     *
     * @param tokenizer a HuggingFace {@code tokenizer.json}
     * @param maxLength tokens per text: longer texts are cut, shorter ones padded
     */
    public record TextSettings(Path tokenizer, int maxLength) {
    }

    /**
     * What the model returns.
     *
     * @param name       the output's name (ONNX); null for the model's only output
     * @param kind       logits (softmax is applied) or probabilities
     * @param categories the GLAMI-1M category id of each output column, in column order
     */
    public record Output(String name, OutputKind kind, int[] categories) {
    }

    /**
     * Reads and checks a spec file; the model and tokenizer files must exist.
     *
     * @throws SpecException naming the file and field for anything wrong: a missing or unknown key, a
     *                       value of the wrong type or out of range, inconsistent inputs, a missing file
     */
    public static ModelSpec read(Path file) {
        JsonFields root = JsonFields.readFile(file).keys("format", "name", "version", "description", "license",
                "modality", "engine", "model", "inputs", "image", "text", "output");
        String format = root.string("format");
        if (!format.equals(FORMAT)) {
            throw root.error("format", "must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        String name = root.string("name");
        if (!NAME.matcher(name).matches()) {
            throw root.error("name", "must be lower-case letters, digits, '.', '_' or '-' (at most 100), got \"" + name + "\"");
        }
        String version = root.string("version", "1");
        if (version.isBlank()) {
            throw root.error("version", "is blank");
        }
        String description = root.string("description", null);
        String license = root.string("license", null);
        Modality modality = choice(root, "modality", new Modality[] {Modality.IMAGE, Modality.TEXT, Modality.IMAGE_TEXT},
                Modality::name);
        Engine engine = choice(root, "engine", Engine.values(), Engine::djlName);
        Path model = existingFile(root, "model");
        List<Input> inputs = inputs(root);
        boolean hasImage = root.has("image");
        boolean hasText = root.has("text");
        ImageSettings image = null;
        if (modality.readsImage()) {
            image = image(root.object("image"));
        } else if (hasImage) {
            throw root.error("image", "given for a " + modality + " model, which reads no image");
        }
        TextSettings text = null;
        if (modality != Modality.IMAGE) {
            text = text(root.object("text"));
        } else if (hasText) {
            throw root.error("text", "given for an IMAGE model, which reads no text");
        }
        Output output = output(root.object("output"));
        checkInputs(root, modality, inputs, image, text);
        return new ModelSpec(file, name, version, description, license, modality, engine, model, inputs, image, text,
                output);
    }

    private static List<Input> inputs(JsonFields root) {
        List<Input> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonFields input : root.objects("inputs", 1)) {
            input.keys("name", "source", "shape");
            String name = input.string("name");
            if (name.isEmpty() || !names.add(name)) {
                throw input.error("name", name.isEmpty() ? "is empty" : "\"" + name + "\" is used twice");
            }
            Source source;
            if (input.has("source")) {
                source = choice(input, "source", Source.values(), Source::label);
            } else {
                source = Arrays.stream(Source.values()).filter(s -> s.label().equals(name)).findFirst()
                        .orElseThrow(() -> input.error("source", "missing (it may be left out only when the name is one"
                                + " of image, input_ids, attention_mask, token_type_ids)"));
            }
            long[] shape = input.longs("shape", 2, 4, -1, Integer.MAX_VALUE);
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] == 0) {
                    throw new SpecException(root.file(), input.field("shape") + "[" + d + "]", "must be -1 (any) or positive, got 0");
                }
            }
            inputs.add(new Input(name, source, shape));
        }
        return inputs;
    }

    private static ImageSettings image(JsonFields image) {
        image.keys("width", "height", "resize", "crop", "scale", "mean", "std", "channels", "layout");
        int width = image.integer("width", 1, 16384);
        int height = image.integer("height", 1, 16384);
        String resizeLabel = image.string("resize");
        ResizeMethod resize;
        try {
            resize = ResizeMethod.ofLabel(resizeLabel);
        } catch (IllegalArgumentException e) {
            throw image.error("resize", e.getMessage());
        }
        Crop crop = image.has("crop") ? choice(image, "crop", Crop.values(), c -> c.name().toLowerCase(Locale.ROOT)) : Crop.NONE;
        if (crop == Crop.CENTER && resize == ResizeMethod.NONE) {
            throw image.error("crop", "center needs a resize method other than none");
        }
        float scale = scale(image);
        float[] mean = image.has("mean") ? image.floats("mean", 3, v -> null) : new float[] {0, 0, 0};
        float[] std = image.has("std") ? image.floats("std", 3, v -> v > 0 ? null : "must be positive")
                : new float[] {1, 1, 1};
        Channels channels = image.has("channels") ? choice(image, "channels", Channels.values(), Channels::name) : Channels.RGB;
        Layout layout = image.has("layout") ? choice(image, "layout", Layout.values(), Layout::name) : Layout.CHW;
        return new ImageSettings(width, height, resize, crop, scale, mean, std, channels, layout);
    }

    /** {@code scale}: a positive number, or a fraction written as a string, {@code "1/255"}. */
    private static float scale(JsonFields image) {
        var value = image.value("scale", true);
        double scale;
        if (value.isNumber()) {
            scale = value.doubleValue();
        } else if (value.isTextual() && FRACTION.matcher(value.textValue()).matches()) {
            var matcher = FRACTION.matcher(value.textValue());
            matcher.matches();
            scale = Double.parseDouble(matcher.group(1)) / Double.parseDouble(matcher.group(2));
        } else {
            throw image.error("scale", "must be a number or a fraction such as \"1/255\", got " + value);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw image.error("scale", "must be positive and finite, got " + value);
        }
        return (float) scale;
    }

    private static TextSettings text(JsonFields text) {
        text.keys("tokenizer", "max_length");
        Path tokenizer = existingFile(text, "tokenizer");
        int maxLength = text.integer("max_length", 1, MAX_TOKENS);
        return new TextSettings(tokenizer, maxLength);
    }

    private static Output output(JsonFields output) {
        output.keys("name", "kind", "categories");
        String name = output.string("name", null);
        OutputKind kind = choice(output, "kind", OutputKind.values(), k -> k.name().toLowerCase(Locale.ROOT));
        long[] ids = output.longs("categories", 1, 1_000_000, 0, Integer.MAX_VALUE);
        int[] categories = new int[ids.length];
        Map<Long, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            Integer before = seen.putIfAbsent(ids[i], i);
            if (before != null) {
                throw new SpecException(output.file(), output.field("categories") + "[" + i + "]", "category " + ids[i]
                        + " is listed twice (also at [" + before + "])");
            }
            categories[i] = (int) ids[i];
        }
        return new Output(name, kind, categories);
    }

    private static void checkInputs(JsonFields root, Modality modality, List<Input> inputs, ImageSettings image,
                                    TextSettings text) {
        Map<Source, Integer> bySource = new EnumMap<>(Source.class);
        long batch = inputs.get(0).batch();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            String field = "inputs[" + i + "]";
            Integer other = bySource.putIfAbsent(input.source(), i);
            if (other != null) {
                throw new SpecException(root.file(), field + ".source", input.source().label() + " feeds inputs[" + other
                        + "] already");
            }
            if (input.batch() != batch) {
                throw new SpecException(root.file(), field + ".shape[0]", "the batch size " + input.batch()
                        + " differs from inputs[0]'s " + batch);
            }
            if (input.source() == Source.IMAGE) {
                if (image == null) {
                    throw new SpecException(root.file(), field + ".source", "image, but a " + modality
                            + " model reads no image");
                }
                checkImageShape(root, field, input.shape(), image);
            } else {
                if (text == null) {
                    throw new SpecException(root.file(), field + ".source", input.source().label() + ", but an IMAGE"
                            + " model reads no text");
                }
                long[] shape = input.shape();
                if (shape.length != 2 || (shape[1] != -1 && shape[1] != text.maxLength())) {
                    throw new SpecException(root.file(), field + ".shape", "token inputs are [batch, text.max_length = "
                            + text.maxLength() + "], got " + Arrays.toString(shape));
                }
            }
        }
        if (image != null && !bySource.containsKey(Source.IMAGE)) {
            throw root.error("inputs", "a " + modality + " model needs an input with source image");
        }
        if (text != null && !bySource.containsKey(Source.INPUT_IDS)) {
            throw root.error("inputs", "a " + modality + " model needs an input with source input_ids");
        }
    }

    private static void checkImageShape(JsonFields root, String field, long[] shape, ImageSettings image) {
        boolean chw = image.layout() == Layout.CHW;
        String expected = chw ? "[batch, 3, image.height = " + image.height() + ", image.width = " + image.width() + "]"
                : "[batch, image.height = " + image.height() + ", image.width = " + image.width() + ", 3]";
        if (shape.length != 4) {
            throw new SpecException(root.file(), field + ".shape", "an image input with layout " + image.layout()
                    + " is " + expected + ", got " + Arrays.toString(shape));
        }
        long channels = chw ? shape[1] : shape[3];
        long height = chw ? shape[2] : shape[1];
        long width = chw ? shape[3] : shape[2];
        if ((channels != 3 && channels != -1) || (height != -1 && height != image.height())
                || (width != -1 && width != image.width())) {
            throw new SpecException(root.file(), field + ".shape", "an image input with layout " + image.layout()
                    + " is " + expected + ", got " + Arrays.toString(shape));
        }
    }

    private static Path existingFile(JsonFields fields, String key) {
        String value = fields.string(key);
        Path base = fields.file().toAbsolutePath().getParent();
        Path path;
        try {
            path = base.resolve(value).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw fields.error(key, "not a usable path: \"" + value + "\"");
        }
        if (!Files.isRegularFile(path)) {
            throw fields.error(key, "no such file: " + path + (Path.of(value).isAbsolute() ? "" : " (paths are relative"
                    + " to the spec's folder)"));
        }
        return path;
    }

    private static <E> E choice(JsonFields fields, String key, E[] values, java.util.function.Function<E, String> label) {
        String text = fields.string(key);
        for (E value : values) {
            if (label.apply(value).equals(text)) {
                return value;
            }
        }
        List<String> labels = Arrays.stream(values).map(label).toList();
        throw fields.error(key, "must be one of " + String.join(", ", labels) + ", got \"" + text + "\"");
    }
}
