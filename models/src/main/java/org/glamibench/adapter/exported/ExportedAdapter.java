package org.glamibench.adapter.exported;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.download.FileDigest;
import org.glamibench.image.RgbImage;
import org.glamibench.progress.ProgressOutput;

/**
 * The {@code exported} adapter: any ONNX or TorchScript classifier described by a JSON spec
 * ({@link ModelSpec}), given with {@code --adapter-option spec=FILE.json}. Its runs are named
 * {@code exported:<spec name>}.
 *
 * <p>Everything that can be wrong with a spec is found at open, before any item is scored: the spec
 * itself, missing files, the engine and device, input names (ONNX), and a forward pass of a dummy
 * batch shaped as the spec says (that the model accepts it, returns one row per item, as many
 * columns as the spec lists categories, and rows that sum to 1 for probabilities). Each is a
 * {@link SpecException} naming the spec file and field.
 *
 * <p>Scores are probabilities over the run's class index: logits go through a softmax over the
 * model's columns (in doubles), then column {@code j} lands on the class of
 * {@code output.categories[j]}. A category the model does not list gets probability 0 (the run's
 * descriptor says how many are covered); a listed category that is not in the class index is an
 * error at open.
 */
public final class ExportedAdapter implements ModelAdapter<ExportedInput> {
    /** The adapter's name. */
    public static final String NAME = "exported";
    /** The option naming the spec file. */
    public static final String SPEC_OPTION = "spec";
    /** The option limiting the engine's threads. */
    public static final String THREADS_OPTION = "threads";
    /** The version of the adapter itself (runs carry their spec's version). */
    private static final String VERSION = "1";
    private static final int DUMMY_BATCH = 3;

    private ModelSpec spec;
    private String weightsSha256;
    private ExportedModel model;
    private ImagePreprocessor images;
    private TextEncoder texts;
    private int[] classOfColumn;
    private int classes;
    private String opened;

    @Override
    public AdapterDescriptor descriptor() {
        if (spec == null) {
            return AdapterDescriptor.builder().setName(NAME).setVersion(VERSION).setModality(Modality.IMAGE_TEXT)
                    .setOutput(OutputKind.PROBABILITIES)
                    .optDescription("any ONNX or TorchScript classifier described by a JSON spec: --adapter-option "
                            + "spec=FILE.json").build();
        }
        return describe(spec, weightsSha256, opened);
    }

    @Override
    public AdapterDescriptor descriptor(Map<String, String> options) {
        ModelSpec configured = ModelSpec.read(specFile(options));
        return describe(configured, sha256(configured.model()), null);
    }

    /**
     * The descriptor of a run of a spec: name {@code exported:<spec name>}, the spec's version.
     *
     * @param opened once opened, the engine, its version, the device and the classes covered; else null
     */
    static AdapterDescriptor describe(ModelSpec spec, String weightsSha256, String opened) {
        String description = (spec.description() == null ? "" : spec.description() + "; ")
                + spec.engine().djlName() + " model " + spec.model().getFileName()
                + (opened == null ? "" : "; " + opened);
        AdapterDescriptor.Builder builder = AdapterDescriptor.builder().setName(NAME + ":" + spec.name())
                .setVersion(spec.version()).setModality(spec.modality()).setOutput(OutputKind.PROBABILITIES)
                .optWeightsSha256(weightsSha256).optDescription(description);
        if (spec.license() != null) {
            builder.optLicense(spec.license());
        }
        return builder.build();
    }

    /** The spec file of the options. @throws IllegalArgumentException for missing or unknown options */
    private static Path specFile(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals(SPEC_OPTION) && !key.equals(THREADS_OPTION)) {
                throw new IllegalArgumentException(NAME + ": unknown --adapter-option " + key + "; it takes "
                        + SPEC_OPTION + "=FILE.json and " + THREADS_OPTION + "=N");
            }
        }
        threads(options);
        String file = options.get(SPEC_OPTION);
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException(NAME + " needs --adapter-option " + SPEC_OPTION + "=FILE.json, the JSON"
                    + " spec of the model (see docs/models.md, \"Models exported from Python\")");
        }
        return Path.of(file);
    }

    /**
     * The {@value #THREADS_OPTION} option: the threads one forward pass may use; 0 (the default) for
     * the engine's default.
     *
     * @throws IllegalArgumentException when it is not a positive number
     */
    public static int threads(Map<String, String> options) {
        String value = options.get(THREADS_OPTION);
        if (value == null) {
            return 0;
        }
        try {
            int threads = Integer.parseInt(value.strip());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(NAME + ": " + THREADS_OPTION + " must be a positive number, got '" + value
                + "'");
    }

    private static String sha256(Path file) {
        return FileDigest.sha256(file, new ProgressOutput(new PrintWriter(Writer.nullWriter()), false),
                "hash " + file.getFileName());
    }

    @Override
    public void open(AdapterContext context) {
        open(ModelSpec.read(specFile(context.options())), context);
    }

    /**
     * Opens the model of a spec, for the context's class index and device (and the
     * {@value #THREADS_OPTION} option): loads it and checks it with a dummy batch.
     *
     * @throws SpecException            naming the spec file and field for anything that does not fit
     * @throws IllegalArgumentException when the device cannot be used
     */
    public void open(ModelSpec spec, AdapterContext context) {
        this.spec = spec;
        this.classes = context.classIndex().size();
        this.classOfColumn = classOfColumn(spec, context.classIndex());
        this.weightsSha256 = sha256(spec.model());
        images = spec.image() == null ? null : new ImagePreprocessor(spec.image());
        texts = spec.text() == null ? null : TextEncoder.open(spec);
        model = ExportedModel.load(spec, context.device(), threads(context.options()));
        checkWithDummyBatch();
        int covered = spec.output().categories().length;
        opened = model.engineDescription() + ", " + (covered == classes ? "covers all " + classes + " classes"
                : "covers " + covered + " of the run's " + classes + " classes; the others get probability 0");
        context.progress().println(NAME + ":" + spec.name() + ": " + opened);
    }

    private static int[] classOfColumn(ModelSpec spec, ClassIndex classIndex) {
        int[] categories = spec.output().categories();
        int[] classOf = new int[categories.length];
        for (int j = 0; j < categories.length; j++) {
            classOf[j] = classIndex.indexOf(categories[j]);
            if (classOf[j] < 0) {
                throw new SpecException(spec.file(), "output.categories[" + j + "]", "category " + categories[j]
                        + " is not in the run's class index (" + classIndex.size() + " categories)");
            }
        }
        return classOf;
    }

    /** Runs a dummy batch (a grey image, a short text) shaped as the spec says. */
    private void checkWithDummyBatch() {
        int size = (int) (spec.inputs().get(0).batch() > 0 ? spec.inputs().get(0).batch() : DUMMY_BATCH);
        List<ExportedInput> dummy = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            RgbImage grey = null;
            if (images != null) {
                byte[] pixels = new byte[spec.image().width() * spec.image().height() * 3];
                Arrays.fill(pixels, (byte) 128);
                grey = new RgbImage(spec.image().width(), spec.image().height(), pixels);
            }
            dummy.add(new ExportedInput(grey == null ? null : images.apply(grey),
                    texts == null ? null : texts.encode("glami bench")));
        }
        float[][] rows;
        try {
            rows = model.forward(dummy);
        } catch (ExportedModelException e) {
            String hint = e.field().equals("inputs") && spec.inputs().get(0).batch() < 0 ? " (a model exported with a"
                    + " fixed batch size needs that size as shape[0] of its inputs)" : "";
            throw new SpecException(spec.file(), e.field(), "a dummy batch of " + dummy.size() + " items shaped as the"
                    + " spec says: " + e.getMessage() + hint, e);
        }
        int columns = rows[0].length;
        if (columns != spec.output().categories().length) {
            throw new SpecException(spec.file(), "output.categories", "lists " + spec.output().categories().length
                    + " categories, but the model's output has " + columns + " columns");
        }
        if (spec.output().kind() == OutputKind.PROBABILITIES) {
            for (float[] row : rows) {
                double sum = 0;
                for (float value : row) {
                    sum += value;
                    if (!(value >= 0)) {
                        throw new SpecException(spec.file(), "output.kind", "probabilities, but the model gave " + value
                                + " for a dummy item (are these logits?)");
                    }
                }
                if (Math.abs(sum - 1) > 1e-3) {
                    throw new SpecException(spec.file(), "output.kind", "probabilities, but a dummy item's scores sum"
                            + " to " + String.format(Locale.ROOT, "%.6g", sum) + " (are these logits?)");
                }
            }
        }
    }

    @Override
    public ExportedInput prepare(ItemInput item) {
        return new ExportedInput(images == null ? null : images.apply(item.image()),
                texts == null ? null : texts.encode(item.text()));
    }

    @Override
    public float[][] predict(List<ExportedInput> batch) {
        float[][] rows = model.forward(batch);
        float[][] scores = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = toClasses(rows[i]);
        }
        return scores;
    }

    /** The model's output row for one item, as it came out. For tests and benchmarks. */
    public float[][] rawOutputs(List<ExportedInput> batch) {
        return model.forward(batch);
    }

    /** An output row as probabilities over the class index. */
    private float[] toClasses(float[] row) {
        double[] probabilities = new double[row.length];
        if (spec.output().kind() == OutputKind.LOGITS) {
            double max = Double.NEGATIVE_INFINITY;
            for (float value : row) {
                max = Math.max(max, value);
            }
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                probabilities[j] = Math.exp(row[j] - max);
                sum += probabilities[j];
            }
            for (int j = 0; j < row.length; j++) {
                probabilities[j] /= sum;
            }
        } else {
            for (int j = 0; j < row.length; j++) {
                probabilities[j] = row[j];
            }
        }
        float[] scores = new float[classes];
        for (int j = 0; j < row.length; j++) {
            scores[classOfColumn[j]] = (float) probabilities[j];
        }
        return scores;
    }

    @Override
    public Optional<EngineInfo> engine() {
        return Optional.ofNullable(model).map(ExportedModel::engine);
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
        if (texts != null) {
            texts.close();
            texts = null;
        }
    }
}
