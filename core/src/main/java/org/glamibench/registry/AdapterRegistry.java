package org.glamibench.registry;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ModelAdapter;

/**
 * The adapters available to a run: those on the harness's class path (the built-ins) and those
 * in adapter jars, each jar in a class loader of its own (or, for adapters run in a child JVM,
 * described by that child and {@link #add added} here without loading the jar in this JVM). Names
 * are unique: a jar adapter whose name is taken is an error, never a silent shadowing.
 */
public final class AdapterRegistry implements AutoCloseable {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<URLClassLoader> loaders = new ArrayList<>();

    /**
     * An available adapter.
     *
     * @param descriptor its descriptor
     * @param jar        the jar it came from; null for the class path
     * @param isolation  how its instances run
     * @param factory    makes a fresh, unopened instance
     */
    public record Entry(AdapterDescriptor descriptor, Path jar, Isolation isolation,
                        Supplier<ModelAdapter<?>> factory) {
    }

    private AdapterRegistry() {
    }

    /**
     * The class path's adapters plus those of the given jars.
     *
     * @throws IllegalArgumentException when a jar is missing, holds no adapter, cannot be loaded,
     *                                  or an adapter's name is taken (the jars opened so far are
     *                                  closed again)
     */
    public static AdapterRegistry load(List<Path> adapterJars) {
        AdapterRegistry registry = new AdapterRegistry();
        try {
            registry.addAll(ServiceLoader.load(ModelAdapter.class, AdapterRegistry.class.getClassLoader()), null, null);
            for (Path jar : adapterJars) {
                registry.addJar(jar);
            }
            return registry;
        } catch (RuntimeException | Error e) {
            try {
                registry.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void addJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + ": no such adapter jar");
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {toUrl(jar)}, AdapterRegistry.class.getClassLoader());
        loaders.add(loader);
        int before = entries.size();
        addAll(ServiceLoader.load(ModelAdapter.class, loader), jar, loader);
        if (entries.size() == before) {
            throw new IllegalArgumentException(jar + ": no adapter found (the jar needs META-INF/services/"
                    + ModelAdapter.class.getName() + " naming its adapter classes)");
        }
    }

    /**
     * Adds an adapter of a jar that is not loaded in this JVM (one described by a child JVM).
     *
     * @throws IllegalArgumentException when its name is taken
     */
    public void add(Entry entry) {
        String origin = entry.jar() == null ? "the class path" : entry.jar().toString();
        checkFree(origin, entry.descriptor().name());
        entries.put(entry.descriptor().name(), entry);
    }

    /**
     * The adapter of that name.
     *
     * @throws IllegalArgumentException when there is none, listing the names there are
     */
    public Entry get(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no adapter named '" + name + "'; available: "
                    + String.join(", ", entries.keySet()));
        }
        return entry;
    }

    /**
     * A run's adapter, configured by the run's options.
     *
     * @param entry   the adapter, carrying the descriptor its options configure
     *                ({@link ModelAdapter#descriptor(Map)})
     * @param options the run's adapter options: those given, plus {@value #NAME_OPTION} when the
     *                adapter was named {@code PREFIX:NAME}
     */
    public record Resolved(Entry entry, Map<String, String> options) {
        public Resolved {
            options = Map.copyOf(options);
        }
    }

    /** The option that {@code PREFIX:NAME} sets to {@code NAME}. */
    public static final String NAME_OPTION = "name";

    /**
     * The adapter a run names, configured by its options. A name that no adapter has but that reads
     * {@code PREFIX:NAME}, where {@code PREFIX} is an adapter, stands for adapter {@code PREFIX} with
     * option {@code name=NAME}: {@code baseline:embracenet-image-text} is adapter {@code baseline}
     * with {@code name=embracenet-image-text}.
     *
     * @throws IllegalArgumentException when there is no such adapter, a {@code name} option
     *                                  contradicts the name, or the adapter refuses the options
     */
    public Resolved resolve(String name, Map<String, String> options) {
        Map<String, String> effective = new LinkedHashMap<>(options);
        Entry entry = entries.get(name);
        int colon = name.indexOf(':');
        if (entry == null && colon > 0 && entries.containsKey(name.substring(0, colon))) {
            entry = entries.get(name.substring(0, colon));
            String named = name.substring(colon + 1);
            String given = effective.putIfAbsent(NAME_OPTION, named);
            if (given != null && !given.equals(named)) {
                throw new IllegalArgumentException("--adapter " + name + " names '" + named + "', but --adapter-option "
                        + NAME_OPTION + "=" + given + " another");
            }
        } else if (entry == null) {
            entry = get(name);
        }
        AdapterDescriptor configured;
        try {
            configured = entry.factory().get().descriptor(Map.copyOf(effective));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("adapter " + entry.descriptor().name() + " failed to describe itself for "
                    + "the options " + effective + ": " + e, e);
        }
        return new Resolved(new Entry(configured, entry.jar(), entry.isolation(), entry.factory()), effective);
    }

    /** Every available adapter, built-ins first. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    @Override
    public void close() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }

    @SuppressWarnings("rawtypes")
    /* Adds the loader's providers; for a jar, only those defined by the jar's own class loader. */
    private void addAll(ServiceLoader<ModelAdapter> loader, Path jar, ClassLoader jarLoader) {
        String origin = jar == null ? "the class path" : jar.toString();
        try {
            for (ServiceLoader.Provider<ModelAdapter> provider : loader.stream().toList()) {
                if (jarLoader != null && provider.type().getClassLoader() != jarLoader) {
                    continue;
                }
                AdapterDescriptor descriptor;
                try {
                    descriptor = provider.get().descriptor();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalArgumentException(origin + ": adapter " + provider.type().getName()
                            + " failed to describe itself: " + e, e);
                }
                checkFree(origin, descriptor.name());
                entries.put(descriptor.name(), new Entry(descriptor, jar, Isolation.IN_PROCESS, () -> provider.get()));
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException(origin + ": cannot load adapters: " + e.getMessage(), e);
        }
    }

    private void checkFree(String origin, String name) {
        Entry taken = entries.get(name);
        if (taken != null) {
            throw new IllegalArgumentException(origin + ": adapter name '" + name + "' is already taken by "
                    + (taken.jar() == null ? "a built-in adapter" : taken.jar()));
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar + ": not a usable path", e);
        }
    }
}
