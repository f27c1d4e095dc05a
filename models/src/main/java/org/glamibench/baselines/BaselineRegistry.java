package org.glamibench.baselines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.exported.JsonFields;
import org.glamibench.adapter.exported.SpecException;

/**
 * The named baselines: the registry built into the harness
 * ({@code org/glamibench/models/baselines.json}), or a file of the same format. Each entry gives a
 * name (and optional aliases), the kind of file, its URL, file name, size and SHA-256
 * ({@code "unknown"} where not published: trusted on first use), modality, licence and description;
 * a {@code glami-embracenet} also its {@code text_model}: name, pinned revision and files.
 */
public final class BaselineRegistry {
    /** The value of the {@code format} key. */
    public static final String FORMAT = "glami-bench-baselines/1";
    /** The built-in registry, as a class path resource. */
    public static final String RESOURCE = "/org/glamibench/models/baselines.json";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final String UNKNOWN = "unknown";

    private final Path source;
    private final Map<String, Baseline> baselines;
    private final Map<String, Baseline> byAlias;

    private BaselineRegistry(Path source, Map<String, Baseline> baselines, Map<String, Baseline> byAlias) {
        this.source = source;
        this.baselines = baselines;
        this.byAlias = byAlias;
    }

    /**
     * Whether a baseline may be called that: lower-case letters, digits, '.', '_' or '-', starting
     * with a letter or digit, at most 100 characters.
     */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The registry built into the harness. */
    public static BaselineRegistry builtIn() {
        try (InputStream in = BaselineRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the harness lacks its resource " + RESOURCE);
            }
            return of(JsonFields.parse(in.readAllBytes(), Path.of("built-in baselines.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A registry file.
     *
     * @throws SpecException naming the file and field for anything wrong in it
     */
    public static BaselineRegistry read(Path file) {
        return of(JsonFields.readFile(file));
    }

    private static BaselineRegistry of(JsonFields root) {
        root.keys("format", "baselines");
        String format = root.string("format");
        if (!format.equals(FORMAT)) {
            throw root.error("format", "must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        Map<String, Baseline> baselines = new LinkedHashMap<>();
        Map<String, Baseline> byAlias = new LinkedHashMap<>();
        for (JsonFields entry : root.objects("baselines", 0)) {
            Baseline baseline = baseline(entry);
            if (baselines.putIfAbsent(baseline.name(), baseline) != null || byAlias.containsKey(baseline.name())) {
                throw entry.error("name", "\"" + baseline.name() + "\" is listed twice");
            }
            for (String alias : baseline.aliases()) {
                if (baselines.containsKey(alias) || byAlias.putIfAbsent(alias, baseline) != null) {
                    throw entry.error("aliases", "\"" + alias + "\" is listed twice");
                }
            }
        }
        return new BaselineRegistry(root.file(), baselines, byAlias);
    }

    private static Baseline baseline(JsonFields entry) {
        entry.keys("name", "aliases", "kind", "modality", "url", "file", "size", "sha256", "license", "description",
                "text_model");
        String name = name(entry, "name", entry.string("name"));
        List<String> aliases = new ArrayList<>();
        if (entry.has("aliases")) {
            for (String alias : entry.strings("aliases")) {
                aliases.add(name(entry, "aliases", alias));
            }
        }
        String kindLabel = entry.string("kind");
        Baseline.Kind kind = Baseline.Kind.ofLabel(kindLabel);
        if (kind == null) {
            throw entry.error("kind", "must be model-zip, glami-embracenet or pytorch-pickle, got \"" + kindLabel
                    + "\"");
        }
        Modality modality = null;
        if (entry.has("modality")) {
            String text = entry.string("modality");
            try {
                modality = Modality.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw entry.error("modality", "must be IMAGE, TEXT or IMAGE_TEXT, got \"" + text + "\"");
            }
        }
        Baseline.File file = file(entry);
        if (kind == Baseline.Kind.MODEL_ZIP && !file.fileName().endsWith(".zip")) {
            throw entry.error("file", "a model-zip's file name ends in .zip, got \"" + file.fileName() + "\"");
        }
        if (kind == Baseline.Kind.MODEL_ZIP && modality == null) {
            throw entry.error("modality", "missing (a model-zip states its modality)");
        }
        Baseline.TextModel textModel = null;
        if (entry.has("text_model")) {
            JsonFields model = entry.object("text_model");
            model.keys("name", "revision", "files");
            List<Baseline.File> files = new ArrayList<>();
            for (JsonFields fileEntry : model.objects("files", 1)) {
                fileEntry.keys("file", "url", "size", "sha256");
                files.add(file(fileEntry));
            }
            textModel = new Baseline.TextModel(model.string("name"), model.string("revision"), files);
        }
        if (kind == Baseline.Kind.GLAMI_EMBRACENET && textModel == null) {
            throw entry.error("text_model", "missing (a glami-embracenet names the text encoder of its features)");
        }
        String license = entry.string("license", null);
        String description = entry.string("description", null);
        return new Baseline(name, kind, modality, file.url(), file.fileName(), file.size(), file.sha256(), license,
                description, aliases, textModel);
    }

    private static String name(JsonFields entry, String key, String name) {
        if (!NAME.matcher(name).matches()) {
            throw entry.error(key, "must be lower-case letters, digits, '.', '_' or '-', got \"" + name + "\"");
        }
        return name;
    }

    /** The keys file, url, size and sha256 of an entry. */
    private static Baseline.File file(JsonFields entry) {
        URI url = url(entry, "url", entry.string("url"));
        String fileName = entry.string("file");
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw entry.error("file", "must be a plain file name (letters, digits, '.', '_', '-'), got \"" + fileName + "\"");
        }
        var sizeNode = entry.value("size", true);
        long size;
        if (sizeNode.isTextual() && sizeNode.textValue().equals(UNKNOWN)) {
            size = Baseline.UNKNOWN_SIZE;
        } else if (sizeNode.isIntegralNumber() && sizeNode.canConvertToLong() && sizeNode.longValue() >= 0) {
            size = sizeNode.longValue();
        } else {
            throw entry.error("size", "must be a number of bytes or \"unknown\", got " + sizeNode);
        }
        String sha256 = entry.string("sha256").toLowerCase(Locale.ROOT);
        if (sha256.equals(UNKNOWN)) {
            sha256 = null;
        } else if (!SHA256.matcher(sha256).matches()) {
            throw entry.error("sha256", "must be 64 hexadecimal digits or \"unknown\", got \"" + sha256 + "\"");
        }
        return new Baseline.File(fileName, url, size, sha256);
    }

    private static URI url(JsonFields entry, String key, String text) {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw entry.error(key, "must be an http or https URL, got \"" + text + "\"");
    }

    /** Where the registry was read from. */
    public Path source() {
        return source;
    }

    /** The baseline of that name or alias. */
    public Optional<Baseline> get(String name) {
        return Optional.ofNullable(baselines.getOrDefault(name, byAlias.get(name)));
    }

    /** Every baseline, in the registry's order. */
    public List<Baseline> baselines() {
        return new ArrayList<>(baselines.values());
    }
}
