package org.glamibench.adapter.baseline;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;
import org.glamibench.adapter.exported.ExportedAdapter;
import org.glamibench.adapter.exported.ModelSpec;
import org.glamibench.adapter.exported.SpecException;
import org.glamibench.download.HttpDownloader;
import org.glamibench.download.WeightsCache;
import org.glamibench.features.ItemFeatureAdapter;
import org.glamibench.features.ItemFeatureTable;
import org.glamibench.baselines.Baseline;
import org.glamibench.baselines.BaselineRegistry;
import org.glamibench.published.GlamiEmbraceNetAdapter;
import org.glamibench.run.ConfiguredAdapter;

/**
 * The {@code baseline} adapter: downloaded weights, run by the {@code exported} adapter. Either a
 * baseline of the registry, {@code --adapter baseline:NAME} (or {@code --adapter baseline
 * --adapter-option name=NAME}), or any model zip, {@code --adapter-option url=URL
 * --adapter-option sha256=HEX} (optionally {@code size=BYTES} and {@code name=NAME}). Option
 * {@code registry=FILE} reads the baselines from a file instead of the built-in registry.
 *
 * <p>A {@code glami-embracenet} baseline (the published GLAMI-1M EmbraceNet, {@code torch.save}
 * checkpoint) is run natively by {@link GlamiEmbraceNetAdapter}, which takes further options
 * ({@link GlamiEmbraceNetAdapter#OPTIONS}: checkpoint, text-features, text-model, embracement, text-mask and
 * image-engine) and none of the model zip's.
 *
 * <p>The file is downloaded into the cache ({@link WeightsCache}) with progress and resume,
 * verified against its SHA-256 before every use, and never downloaded twice; a mismatch is refused.
 * A registry file whose SHA-256 is not published is trusted on first use (its SHA-256 recorded and
 * checked ever after); a {@code url=} of the user's always needs its {@code sha256=}.
 * A model zip holds {@code spec.json} and the files it names; it is extracted once and its spec run
 * as {@code exported} runs it. Runs are named {@code baseline:NAME}, versioned by the file's SHA-256.
 * A baseline that cannot be run (any other PyTorch pickle) is refused when selected, with
 * the reason and what would be needed.
 */
@SuppressWarnings("try") // close() throws Exception, as ModelAdapter's does
public final class BaselineAdapter implements ItemFeatureAdapter<Object>, ConfiguredAdapter {
    /** The adapter's name. */
    public static final String NAME = "baseline";
    /** The spec file a model zip holds. */
    public static final String SPEC_FILE = "spec.json";

    private static final Set<String> SHARED_OPTIONS = Set.of("name", "registry");
    private static final Set<String> ZIP_OPTIONS = Set.of("url", "sha256", "size", ExportedAdapter.THREADS_OPTION);

    private Baseline baseline;
    private ExportedAdapter model;
    private GlamiEmbraceNetAdapter published;

    @Override
    public AdapterDescriptor descriptor() {
        if (published != null) {
            return published.descriptor();
        }
        if (model == null) {
            return AdapterDescriptor.builder().setName(NAME).setVersion("1").setModality(Modality.IMAGE_TEXT)
                    .setOutput(OutputKind.PROBABILITIES)
                    .optDescription("downloaded weights: baseline:NAME from the registry, or url=URL sha256=HEX")
                    .build();
        }
        return describe(baseline, model.descriptor().modality());
    }

    @Override
    public AdapterDescriptor descriptor(Map<String, String> options) {
        Baseline chosen = runnable(choose(options));
        if (chosen.kind() == Baseline.Kind.GLAMI_EMBRACENET) {
            return GlamiEmbraceNetAdapter.describe(chosen, options);
        }
        return describe(chosen, chosen.modality() != null ? chosen.modality() : Modality.IMAGE_TEXT);
    }

    private static AdapterDescriptor describe(Baseline baseline, Modality modality) {
        AdapterDescriptor.Builder builder = AdapterDescriptor.builder().setName(NAME + ":" + baseline.name())
                .setVersion(baseline.sha256() == null ? "trusted-on-first-use" : "sha256:"
                        + baseline.sha256().substring(0, 12)).setModality(modality)
                .setOutput(OutputKind.PROBABILITIES).optWeightsSha256(baseline.sha256())
                .optDescription((baseline.description() == null ? "" : baseline.description() + "; ") + "from "
                        + baseline.url());
        if (baseline.license() != null) {
            builder.optLicense(baseline.license());
        }
        return builder.build();
    }

    /**
     * The baseline the options name.
     *
     * @throws IllegalArgumentException for unknown, missing or malformed options, or an unknown name
     */
    static Baseline choose(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!SHARED_OPTIONS.contains(key) && !ZIP_OPTIONS.contains(key)
                    && !GlamiEmbraceNetAdapter.OPTIONS.contains(key)) {
                throw new IllegalArgumentException(NAME + ": unknown --adapter-option " + key + "; it takes "
                        + "name=NAME, or url=URL with sha256=HEX (and size=BYTES, name=NAME), registry=FILE and threads=N;"
                        + " a glami-embracenet also " + String.join(", ", new TreeSet<>(GlamiEmbraceNetAdapter.OPTIONS)));
            }
        }
        Baseline chosen = chosen(options);
        Set<String> allowed = chosen.kind() == Baseline.Kind.GLAMI_EMBRACENET ? GlamiEmbraceNetAdapter.OPTIONS
                : ZIP_OPTIONS;
        for (String key : options.keySet()) {
            if (!SHARED_OPTIONS.contains(key) && !allowed.contains(key)) {
                throw new IllegalArgumentException(NAME + ": --adapter-option " + key + " does not apply to baseline:"
                        + chosen.name() + ", a " + chosen.kind().label() + "; it takes " + String.join(", ",
                        new TreeSet<>(allowed)));
            }
        }
        return chosen;
    }

    private static Baseline chosen(Map<String, String> options) {
        ExportedAdapter.threads(options);
        String url = options.get("url");
        if (url != null) {
            return fromUrl(url, options);
        }
        for (String key : List.of("sha256", "size")) {
            if (options.containsKey(key)) {
                throw new IllegalArgumentException(NAME + ": --adapter-option " + key + " goes with url=URL");
            }
        }
        BaselineRegistry registry = options.containsKey("registry") ? BaselineRegistry.read(Path.of(options.get("registry")))
                : BaselineRegistry.builtIn();
        String name = options.get("name");
        String known = registry.baselines().stream().map(Baseline::name).collect(Collectors.joining(", "));
        if (name == null) {
            throw new IllegalArgumentException(NAME + " needs a baseline: --adapter baseline:NAME with NAME one of "
                    + known + " (" + registry.source() + "), or --adapter-option url=URL --adapter-option sha256=HEX"
                    + " for a model zip");
        }
        return registry.get(name).orElseThrow(() -> new IllegalArgumentException("no baseline named '" + name + "' in "
                + registry.source() + "; known: " + known));
    }

    private static Baseline fromUrl(String text, Map<String, String> options) {
        if (options.containsKey("registry")) {
            throw new IllegalArgumentException(NAME + ": --adapter-option registry and url exclude each other");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(NAME + ": url=" + text + " is not a URL: " + e.getMessage());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(NAME + ": url=" + text + " is not an http or https URL");
        }
        String path = url.getPath() == null ? "" : url.getPath();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".zip") || !fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException(NAME + ": url=" + text + " must name a .zip file (a plain file name):"
                    + " a zip holding " + SPEC_FILE + " (a model spec) and the files it names");
        }
        String sha256 = options.get("sha256");
        if (sha256 == null || !sha256.toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(NAME + ": url=URL needs --adapter-option sha256=HEX, the 64 hexadecimal"
                    + " digits of the file's SHA-256" + (sha256 == null ? "" : ", got '" + sha256 + "'")
                    + ": downloaded weights are never used unverified");
        }
        long size = Baseline.UNKNOWN_SIZE;
        if (options.containsKey("size")) {
            try {
                size = Long.parseLong(options.get("size"));
            } catch (NumberFormatException e) {
                size = -2;
            }
            if (size < 0) {
                throw new IllegalArgumentException(NAME + ": size must be a number of bytes, got '" + options.get("size")
                        + "'");
            }
        }
        String stem = fileName.substring(0, fileName.length() - 4);
        String name = options.getOrDefault("name", stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
        if (!BaselineRegistry.isName(name)) {
            throw new IllegalArgumentException(NAME + ": name must be lower-case letters, digits, '.', '_' or '-', got '"
                    + name + "'");
        }
        return new Baseline(name, Baseline.Kind.MODEL_ZIP, null, url, fileName, size,
                sha256.toLowerCase(Locale.ROOT), null, null);
    }

    /**
     * The baseline, when it can be run.
     *
     * @throws IllegalArgumentException explaining why not, and what would be needed
     */
    static Baseline runnable(Baseline baseline) {
        if (baseline.kind() == Baseline.Kind.PYTORCH_PICKLE) {
            throw new IllegalArgumentException("baseline:" + baseline.name() + " cannot be run: " + baseline.fileName()
                    + " (" + baseline.url() + ") is a PyTorch pickle, written by torch.save: a state dict and"
                    + " Python objects, not a model that DJL (or anything outside Python) can load, and its network is"
                    + " defined only by Python code. A checkpoint of the published GLAMI-1M EmbraceNet's structure"
                    + " runs natively as kind glami-embracenet; any other network must be exported: in Python with"
                    + " the model's code, build the network, load the state dict, and export the whole path from"
                    + " inputs to scores with torch.onnx.export or torch.jit.trace; then write a model spec for it"
                    + " (--adapter exported --adapter-option spec=FILE.json), or zip spec.json with the model file"
                    + " and list the zip in a registry as a model-zip.");
        }
        return baseline;
    }

    @Override
    public void open(AdapterContext context) throws Exception {
        baseline = runnable(choose(context.options()));
        if (baseline.kind() == Baseline.Kind.GLAMI_EMBRACENET) {
            published = new GlamiEmbraceNetAdapter(baseline);
            published.open(context);
            return;
        }
        WeightsCache cache = new WeightsCache(context.cacheDir(), HttpDownloader.withDefaults(), context.progress());
        Path zip;
        if (baseline.sha256() != null) {
            zip = cache.fetch(new WeightsCache.Artifact(List.of(baseline.url()), baseline.fileName(), baseline.size(),
                    baseline.sha256())).file();
        } else {
            zip = cache.fetchTrustingFirstUse("baseline-" + baseline.name(), List.of(baseline.url()),
                    baseline.fileName(), baseline.size()).file();
        }
        Path folder = cache.extracted(zip, SPEC_FILE);
        ModelSpec spec = ModelSpec.read(folder.resolve(SPEC_FILE));
        if (baseline.modality() != null && spec.modality() != baseline.modality()) {
            throw new SpecException(spec.file(), "modality", spec.modality() + ", but the registry lists baseline:"
                    + baseline.name() + " as " + baseline.modality());
        }
        model = new ExportedAdapter();
        model.open(spec, context);
    }

    @Override
    public Object prepare(ItemInput item) throws Exception {
        return published != null ? published.prepare(item) : model.prepare(item);
    }

    @Override
    public Object prepare(ItemInput item, float[] features) {
        if (published == null) {
            throw new IllegalStateException("baseline:" + baseline.name() + " reads no item features");
        }
        return published.prepare(item, features);
    }

    @Override
    public Optional<ItemFeatureTable> itemFeatures() {
        return published != null ? published.itemFeatures() : Optional.empty();
    }

    @Override
    public Map<String, String> configuration() {
        return published != null ? published.configuration() : Map.of();
    }

    @Override
    public Optional<EngineInfo> engine() {
        return published != null ? published.engine() : model != null ? model.engine() : Optional.empty();
    }

    @Override
    public float[][] predict(List<Object> batch) throws Exception {
        if (published != null) {
            return published.predict(cast(batch));
        }
        return model.predict(cast(batch));
    }

    /** The batch as its adapter prepared it: every item came from that adapter's prepare. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<Object> batch) {
        return (List<T>) (List<?>) batch;
    }

    @Override
    public void close() throws Exception {
        if (published != null) {
            published.close();
        }
        if (model != null) {
            model.close();
        }
    }
}
