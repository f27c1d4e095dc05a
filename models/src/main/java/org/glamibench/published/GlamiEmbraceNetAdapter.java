package org.glamibench.published;

import ai.djl.Device;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;
import org.glamibench.baselines.Baseline;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.download.FileDigest;
import org.glamibench.download.HttpDownloader;
import org.glamibench.download.WeightsCache;
import org.glamibench.features.ItemFeatureAdapter;
import org.glamibench.features.ItemFeatureTable;
import org.glamibench.features.ItemFeatureWriter;
import org.glamibench.files.JsonFiles;
import org.glamibench.image.ResizeMethod;
import org.glamibench.image.Resampler;
import org.glamibench.image.RgbImage;
import org.glamibench.models.ModelDevices;
import org.glamibench.mt5.Mt5TextFeatures;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.run.ConfiguredAdapter;
import org.glamibench.stats.SeedMix;

/**
 * The published GLAMI-1M EmbraceNet, run natively from its {@code torch.save} checkpoint: the
 * {@code baseline} adapter runs a {@code glami-embracenet} baseline through this class
 * ({@code --adapter baseline:glami-embracenet}).
 *
 * <p>Options ({@code --adapter-option KEY=VALUE}):
 * <ul>
 *   <li>{@value #CHECKPOINT}{@code =FILE}: a local checkpoint, never downloaded; its SHA-256 and size
 *       are the weights' identity in run.json. Without it the registry's file is downloaded into the
 *       cache and verified (trusted on first use where its SHA-256 is not published).</li>
 *   <li>{@value #TEXT_FEATURES}{@code =DIR}: precomputed text features ({@link ItemFeatureTable}, as
 *       {@code glami-bench text-features} writes them), joined to items by the harness; or
 *       {@value #TEXT_MODEL}{@code =DIR}: the mT5 encoder's Hugging Face files (config.json,
 *       pytorch_model.bin, spiece.model), the features computed in {@code predict}. Without either,
 *       the registry's text model is downloaded into the cache.</li>
 *   <li>{@value #EMBRACEMENT}{@code =sampled|expected} (default sampled): each of the 512 features
 *       drawn from one modality as the original does, seeded by the run seed and the item's inputs (a
 *       resumed run draws the same), or the mean of the three modalities' docked values.</li>
 *   <li>{@value #TEXT_MASK}{@code =true|false} (default true): whether the text features are the
 *       encoder's states times the attention mask, as the original's latest code computes them.</li>
 *   <li>{@value #IMAGE_ENGINE}{@code =pytorch|onnxruntime} (default pytorch): the engine of the image
 *       trunk ({@link ImageEngine}); onnxruntime runs an ONNX graph written from the checkpoint's folded
 *       weights, on the CPU, or on a GPU through ONNX Runtime's CUDA provider in the GPU build only (the
 *       CPU build refuses a GPU device), the rest of the network staying on PyTorch.</li>
 * </ul>
 * A label_source the checkpoint's source_binarizer lacks makes that item an adapter error (an empty
 * one is {@code unknown}, as the original's training filled it); images of another size than
 * 228 x 298 are resized with antialiased bilinear interpolation (the original used skimage, whose
 * filter differs; the published photos all have that size).
 */
public final class GlamiEmbraceNetAdapter implements ItemFeatureAdapter<GlamiInput>, ConfiguredAdapter {
    /** A local checkpoint file. */
    public static final String CHECKPOINT = "checkpoint";
    /** A folder of precomputed text features. */
    public static final String TEXT_FEATURES = "text-features";
    /** A folder of the text encoder's Hugging Face files. */
    public static final String TEXT_MODEL = "text-model";
    /** sampled or expected. */
    public static final String EMBRACEMENT = "embracement";
    /** Whether the text features are masked. */
    public static final String TEXT_MASK = "text-mask";
    /** pytorch or onnxruntime. */
    public static final String IMAGE_ENGINE = "image-engine";
    /** The options this adapter reads, besides the baseline adapter's {@code name} and {@code registry}. */
    public static final Set<String> OPTIONS = Set.of(CHECKPOINT, TEXT_FEATURES, TEXT_MODEL, EMBRACEMENT, TEXT_MASK,
            IMAGE_ENGINE);

    private static final int WIDTH = 228;
    private static final int HEIGHT = 298;
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();
    private static final ProgressOutput QUIET = new ProgressOutput(new PrintWriter(Writer.nullWriter()), false);

    private final Baseline baseline;
    private Settings settings;
    private GlamiEmbraceNet network;
    private Mt5TextFeatures encoder;
    private ItemFeatureTable table;
    private EngineInfo engine;
    private String weightsSha256;
    private long seed;
    private final Map<String, String> configuration = new LinkedHashMap<>();

    /** @param baseline the registry's entry: where to download what the options leave out */
    public GlamiEmbraceNetAdapter(Baseline baseline) {
        if (baseline.kind() != Baseline.Kind.GLAMI_EMBRACENET) {
            throw new IllegalArgumentException("baseline:" + baseline.name() + " is a " + baseline.kind().label()
                    + ", not a glami-embracenet");
        }
        this.baseline = baseline;
    }

    /** The settings the options give. */
    private record Settings(Path checkpoint, Path textFeatures, Path textModel, Embracement embracement,
                            boolean textMask, ImageEngine imageEngine) {
    }

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that is malformed, or a checkpoint that is
     *                                  not a file
     */
    private static Settings settings(Map<String, String> options) {
        Path checkpoint = options.containsKey(CHECKPOINT) ? Path.of(options.get(CHECKPOINT)) : null;
        if (checkpoint != null && !Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException("baseline: --adapter-option " + CHECKPOINT + "=" + checkpoint
                    + ": no such file");
        }
        if (options.containsKey(TEXT_FEATURES) && options.containsKey(TEXT_MODEL)) {
            throw new IllegalArgumentException("baseline: --adapter-option " + TEXT_FEATURES + " and " + TEXT_MODEL
                    + " exclude each other (precomputed features, or the encoder that computes them)");
        }
        Embracement embracement = Embracement.ofLabel(options.getOrDefault(EMBRACEMENT, Embracement.SAMPLED.label()));
        String mask = options.getOrDefault(TEXT_MASK, "true").toLowerCase(Locale.ROOT);
        if (!mask.equals("true") && !mask.equals("false")) {
            throw new IllegalArgumentException("baseline: --adapter-option " + TEXT_MASK + " must be true or false, got '"
                    + options.get(TEXT_MASK) + "'");
        }
        ImageEngine imageEngine;
        try {
            imageEngine = ImageEngine.ofLabel(options.getOrDefault(IMAGE_ENGINE, ImageEngine.PYTORCH.label()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseline: --adapter-option " + IMAGE_ENGINE + ": " + e.getMessage(), e);
        }
        return new Settings(checkpoint, path(options, TEXT_FEATURES), path(options, TEXT_MODEL), embracement,
                mask.equals("true"), imageEngine);
    }

    private static Path path(Map<String, String> options, String key) {
        return options.containsKey(key) ? Path.of(options.get(key)) : null;
    }

    /**
     * Who runs for these options, before open. Version: {@code sha256:} and the first 12 digits of
     * the checkpoint's SHA-256 (a local file is hashed, once per size and modification time), or
     * {@code trusted-on-first-use} for a registry file without a published SHA-256.
     *
     * @throws IllegalArgumentException for malformed options
     */
    public static AdapterDescriptor describe(Baseline baseline, Map<String, String> options) {
        Settings settings = settings(options);
        String sha256 = settings.checkpoint() != null ? hash(settings.checkpoint()) : baseline.sha256();
        String source = settings.checkpoint() != null ? settings.checkpoint().toString() : baseline.url().toString();
        AdapterDescriptor.Builder builder = AdapterDescriptor.builder().setName("baseline:" + baseline.name())
                .setVersion(sha256 == null ? "trusted-on-first-use" : "sha256:" + sha256.substring(0, 12))
                .setModality(Modality.IMAGE_TEXT).setOutput(OutputKind.LOGITS)
                .optDescription((baseline.description() == null ? "" : baseline.description() + "; ") + "from "
                        + source);
        if (sha256 != null) {
            builder.optWeightsSha256(sha256);
        }
        if (baseline.license() != null) {
            builder.optLicense(baseline.license());
        }
        return builder.build();
    }

    private static String hash(Path file) {
        try {
            String key = file.toAbsolutePath() + "\u0000" + Files.size(file) + "\u0000" + Files.getLastModifiedTime(file);
            return HASHES.computeIfAbsent(key, k -> FileDigest.sha256(file, QUIET, "hash " + file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public AdapterDescriptor descriptor() {
        AdapterDescriptor described = describe(baseline, Map.of());
        if (network == null) {
            return described;
        }
        return AdapterDescriptor.builder().setName(described.name()).setVersion(settings.checkpoint() != null
                        ? "sha256:" + weightsSha256.substring(0, 12) : described.version())
                .setModality(Modality.IMAGE_TEXT).setOutput(OutputKind.LOGITS)
                .optParameterCount(network.parameterCount()).optWeightsSha256(weightsSha256)
                .optLicense(baseline.license()).optDescription(describe(baseline, options()).description()).build();
    }

    private Map<String, String> options() {
        return settings.checkpoint() == null ? Map.of() : Map.of(CHECKPOINT, settings.checkpoint().toString());
    }

    /**
     * Loads the checkpoint and the text side, and checks them against each other and the run.
     *
     * @throws IllegalArgumentException for bad options, a class index other than the checkpoint's,
     *                                  text features of another width than the checkpoint reads, or
     *                                  image engine onnxruntime on a GPU device
     */
    @Override
    public void open(AdapterContext context) {
        settings = settings(context.options());
        seed = context.seed();
        Device device = ModelDevices.select(context.device());
        WeightsCache cache = new WeightsCache(context.cacheDir(), HttpDownloader.withDefaults(), context.progress());
        Path checkpoint = checkpoint(cache);
        context.progress().println("Loading " + checkpoint);
        network = GlamiEmbraceNet.load(checkpoint, device, settings.imageEngine());
        engine = ModelDevices.describe(device);
        checkClasses(checkpoint, network.categories(), context.classIndex());
        configuration.put("embracement", settings.embracement().label());
        configuration.put("text_mask", Boolean.toString(settings.textMask()));
        configuration.put("image_engine", settings.imageEngine().label());
        configuration.put("label_sources", String.join(",", network.labelSources()));
        if (settings.textFeatures() != null) {
            table = ItemFeatureTable.open(settings.textFeatures());
            checkFeatures(table);
            configuration.put("text_features", "precomputed " + settings.textFeatures());
        } else {
            Path textModel = settings.textModel() != null ? settings.textModel() : textModel(cache);
            encoder = Mt5TextFeatures.open(textModel, device, settings.textMask());
            if (encoder.width() != network.textWidth()) {
                throw new IllegalArgumentException(textModel + ": the encoder's features are " + encoder.width()
                        + " wide (32 tokens x d_model), but " + checkpoint + " reads " + network.textWidth());
            }
            configuration.put("text_features", "computed by the mT5 encoder in " + textModel);
        }
    }

    private Path checkpoint(WeightsCache cache) {
        if (settings.checkpoint() != null) {
            weightsSha256 = hash(settings.checkpoint());
            configuration.put("weights", "local file, " + size(settings.checkpoint()) + " bytes");
            return settings.checkpoint();
        }
        Baseline.File file = new Baseline.File(baseline.fileName(), baseline.url(), baseline.size(), baseline.sha256());
        Verified verified = fetch(cache, "glami-" + baseline.name(), file, "weights");
        weightsSha256 = verified.sha256();
        return verified.file();
    }

    /** The registry's text model, each file verified, linked into one folder of the cache. */
    private Path textModel(WeightsCache cache) {
        Baseline.TextModel model = baseline.textModel();
        String key = model.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-") + "-"
                + model.revision().substring(0, Math.min(12, model.revision().length()));
        Path folder = cache.folder().resolve("text-models").resolve(key);
        try {
            Files.createDirectories(folder);
            for (Baseline.File file : model.files()) {
                Verified verified = fetch(cache, key + "-" + file.fileName().toLowerCase(Locale.ROOT), file,
                        "text_model_" + file.fileName().replaceAll("[^A-Za-z0-9]", "_"));
                Path link = folder.resolve(file.fileName());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, verified.file().toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot link the text model's files: " + e.getMessage(), e);
        }
        return folder;
    }

    /** A verified file of the cache and its SHA-256. */
    private record Verified(Path file, String sha256) {
    }

    /** A registry file, verified against its published SHA-256 or trusted on first use; says which. */
    private Verified fetch(WeightsCache cache, String key, Baseline.File file, String configurationKey) {
        if (file.sha256() != null) {
            Path path = cache.fetch(new WeightsCache.Artifact(List.of(file.url()), file.fileName(), file.size(),
                    file.sha256())).file();
            configuration.put(configurationKey, "published sha256 verified, from " + file.url());
            return new Verified(path, file.sha256());
        }
        WeightsCache.Trusted trusted = cache.fetchTrustingFirstUse(key, List.of(file.url()), file.fileName(),
                file.size());
        configuration.put(configurationKey, "trusted on first use (" + trusted.recorded() + ", sha256 "
                + trusted.sha256() + ", " + trusted.size() + " bytes), from " + file.url());
        return new Verified(trusted.file(), trusted.sha256());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void checkClasses(Path checkpoint, List<Integer> categories, ClassIndex classIndex) {
        List<Integer> run = classIndex.categories();
        if (categories.equals(run)) {
            return;
        }
        int at = 0;
        while (at < Math.min(categories.size(), run.size()) && categories.get(at).equals(run.get(at))) {
            at++;
        }
        throw new IllegalArgumentException(checkpoint + ": its label_binarizer lists " + categories.size()
                + " categories, the run's class index " + run.size() + "; they differ at position " + at + " (checkpoint: "
                + (at < categories.size() ? "category " + categories.get(at) : "none") + ", run: "
                + (at < run.size() ? "category " + run.get(at) : "none") + "). The checkpoint scores only the classes"
                + " it was trained on, in ascending category id.");
    }

    private void checkFeatures(ItemFeatureTable features) {
        Path dir = features.dir();
        if (features.width() != network.textWidth()) {
            throw new IllegalArgumentException(dir.resolve(ItemFeatureTable.FEATURES) + ": rows of " + features.width()
                    + " floats, but the checkpoint's docking_0 reads " + network.textWidth());
        }
        Path sidecar = dir.resolve(ItemFeatureWriter.DESCRIPTION);
        if (Files.exists(sidecar)) {
            try {
                var mask = JsonFiles.MAPPER.readTree(sidecar.toFile()).get("text_mask");
                if (mask != null && mask.isBoolean() && mask.booleanValue() != settings.textMask()) {
                    throw new IllegalArgumentException(sidecar + ": the features were written with text_mask "
                            + mask.booleanValue() + ", but the run asks for --adapter-option " + TEXT_MASK + "="
                            + settings.textMask());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(sidecar + ": unreadable: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<ItemFeatureTable> itemFeatures() {
        return Optional.ofNullable(table);
    }

    /**
     * @throws IllegalStateException when the run reads precomputed features: the harness must then
     *                               hand each item its row
     */
    @Override
    public GlamiInput prepare(ItemInput item) {
        if (table != null) {
            throw new IllegalStateException("baseline:" + baseline.name() + " reads precomputed text features: the"
                    + " harness hands each item its row");
        }
        return prepare(item, null);
    }

    /** @throws IllegalArgumentException for a label_source the checkpoint does not know */
    @Override
    public GlamiInput prepare(ItemInput item, float[] features) {
        float[] image = item.image().width() == WIDTH && item.image().height() == HEIGHT ? item.image().toFloatChw()
                : resized(item.image());
        long drawSeed = SeedMix.of(seed, inputHash(item));
        return new GlamiInput(image, features, item.text(), network.sourcePosition(item.labelSource()), drawSeed);
    }

    private static float[] resized(RgbImage image) {
        float[] hwc = Resampler.resize(image, Resampler.Region.of(image), WIDTH, HEIGHT,
                ResizeMethod.BILINEAR_ANTIALIAS);
        int plane = WIDTH * HEIGHT;
        float[] chw = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = Math.min(1f, Math.max(0f, hwc[3 * p + c] / 255f));
            }
        }
        return chw;
    }

    /** A 64-bit hash of the item's text, geo and label_source (FNV-1a over their UTF-8 bytes). */
    private static long inputHash(ItemInput item) {
        long hash = 0xcbf29ce484222325L;
        String key = item.name() + '\u0000' + item.description() + '\u0000' + item.geo().code() + '\u0000'
                + item.labelSource();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    @Override
    public float[][] predict(List<GlamiInput> batch) {
        int n = batch.size();
        float[][] images = new float[n][];
        int[] sources = new int[n];
        long[] seeds = new long[n];
        List<String> texts = new ArrayList<>(n);
        float[][] text = new float[n][];
        for (int i = 0; i < n; i++) {
            GlamiInput input = batch.get(i);
            images[i] = input.image();
            sources[i] = input.source();
            seeds[i] = input.drawSeed();
            texts.add(input.text());
            text[i] = input.features();
        }
        if (encoder != null) {
            text = encoder.features(texts);
        }
        int[][] draws = settings.embracement() == Embracement.SAMPLED ? GlamiEmbraceNet.draws(seeds) : null;
        return network.logProbabilities(text, images, sources, settings.embracement(), draws);
    }

    @Override
    public Map<String, String> configuration() {
        return Map.copyOf(configuration);
    }

    @Override
    public Optional<EngineInfo> engine() {
        return Optional.ofNullable(engine);
    }

    @Override
    public void close() throws IOException {
        try {
            if (network != null) {
                network.close();
            }
            if (encoder != null) {
                encoder.close();
            }
        } finally {
            if (table != null) {
                table.close();
            }
        }
    }
}
