package org.glamibench.benchmarks.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glamibench.adapter.DeviceSpec;

/**
 * What a benchmark run was asked for, from system properties that {@code mvn verify -Pbenchmark}
 * sets from its own ({@code -Djmh.device}, {@code -Djmh.adapters}, {@code -Djmh.adapterJars},
 * {@code -Djmh.adapterOptions}) in the runner, whose JVM options JMH passes on to every fork:
 * <ul>
 *   <li>{@value #DEVICE}: {@code cpu} (default), {@code gpu} or {@code gpu:N};</li>
 *   <li>{@value #ADAPTERS}: the adapters to measure, separated by commas (the runner sets them as
 *       the {@code adapter} parameter); unset or empty for the benchmarks' defaults;</li>
 *   <li>{@value #ADAPTER_JARS}: adapter jars, separated by commas;</li>
 *   <li>{@value #ADAPTER_OPTIONS}: adapter options as {@code ADAPTER:KEY=VALUE}, separated by
 *       commas, e.g. {@code exported:spec=/models/resnet18.onnx.json};</li>
 *   <li>{@value #ROOT}: the folder relative jar paths are resolved against (the repository root;
 *       default {@code ..}, the benchmarks' working directory being {@code benchmarks/}).</li>
 * </ul>
 */
public final class BenchmarkSettings {
    /** The device property. */
    public static final String DEVICE = "glamibench.benchmark.device";
    /** The adapters property. */
    public static final String ADAPTERS = "glamibench.benchmark.adapters";
    /** The adapter jars property. */
    public static final String ADAPTER_JARS = "glamibench.benchmark.adapterJars";
    /** The adapter options property. */
    public static final String ADAPTER_OPTIONS = "glamibench.benchmark.adapterOptions";
    /** The property naming the folder relative paths are resolved against. */
    public static final String ROOT = "glamibench.benchmark.root";

    private BenchmarkSettings() {
    }

    /**
     * The device asked for.
     *
     * @throws IllegalArgumentException when the property is not {@code cpu}, {@code gpu} or {@code gpu:N}
     */
    public static DeviceSpec device() {
        return DeviceSpec.parse(System.getProperty(DEVICE, "cpu").trim());
    }

    /** The adapters given; empty for the benchmarks' defaults. */
    public static List<String> adapters() {
        return items(System.getProperty(ADAPTERS, ""));
    }

    /** The adapter jars given, resolved against {@value #ROOT}. */
    public static List<Path> adapterJars() {
        List<Path> jars = new ArrayList<>();
        for (String jar : items(System.getProperty(ADAPTER_JARS, ""))) {
            jars.add(root().resolve(jar));
        }
        return jars;
    }

    /**
     * The options given for one adapter, as given (options are the adapter's to interpret: give
     * paths in them absolute, since the forked JVMs run in {@code benchmarks/}).
     *
     * @throws IllegalArgumentException naming the item, when one is not {@code ADAPTER:KEY=VALUE}
     */
    public static Map<String, String> adapterOptions(String adapter) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String item : items(System.getProperty(ADAPTER_OPTIONS, ""))) {
            int colon = item.indexOf(':');
            int equals = item.indexOf('=', colon + 1);
            if (colon <= 0 || equals <= colon + 1) {
                throw new IllegalArgumentException(ADAPTER_OPTIONS + ": '" + item + "' is not ADAPTER:KEY=VALUE");
            }
            if (item.substring(0, colon).equals(adapter)) {
                options.put(item.substring(colon + 1, equals), item.substring(equals + 1));
            }
        }
        return options;
    }

    private static Path root() {
        return Path.of(System.getProperty(ROOT, ".."));
    }

    private static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
