package org.glamibench.harness;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.registry.AdapterRegistry;

/**
 * How to make an evaluation's adapter on any machine that sees the same data and adapter jars:
 * its name and options, the jars (by path, or by file name where a cluster ships them), and the
 * isolation settings, which apply wherever the adapter opens. Serializable, to reach Spark
 * executors.
 *
 * @param adapter             the adapter's name, as for {@code --adapter}
 * @param options             the {@code --adapter-option} pairs as given
 * @param jars                the adapter jars as given
 * @param isolation           how jar adapters run
 * @param device              the device asked for, as {@link DeviceSpec#toString}
 * @param batchTimeoutSeconds how long a batch may take in a child JVM
 * @param childRetries        how often a batch a child JVM failed on is retried in a fresh child
 * @param threads             the input pipeline's threads (a child JVM's prepare threads too)
 * @param hidden              folders a sandbox must not show: the dataset and the run folders
 */
public record AdapterRecipe(String adapter, Map<String, String> options, List<String> jars,
                            IsolationSettings isolation, String device, int batchTimeoutSeconds, int childRetries,
                            int threads, List<String> hidden) implements Serializable {
    public AdapterRecipe {
        options = Map.copyOf(options);
        jars = List.copyOf(jars);
        hidden = List.copyOf(hidden);
    }

    /**
     * The built-ins plus the jars' adapters, at the isolation level these settings resolve to on
     * this machine (a child JVM's error lines and the sandbox warning go to {@code progress}).
     *
     * @param jarPath where a jar as given is found on this machine
     * @return the registry, to be closed by the caller
     * @throws IllegalArgumentException as {@link IsolationSettings#registry}
     */
    public AdapterRegistry registry(Function<String, Path> jarPath, ProgressOutput progress) {
        return isolation.registry(jars.stream().map(jarPath).toList(), DeviceSpec.parse(device), batchTimeoutSeconds,
                childRetries, threads, hidden.stream().map(Path::of).toList(),
                line -> progress.println("[adapter] " + line), progress::println);
    }

    /**
     * The adapter in that registry, configured by the options and checked against the isolation
     * settings.
     *
     * @throws IllegalArgumentException for an unknown adapter, refused options, or a built-in
     *                                  adapter asked to run in a sandbox
     */
    public AdapterRegistry.Resolved resolve(AdapterRegistry registry) {
        AdapterRegistry.Resolved resolved = registry.resolve(adapter, options);
        isolation.check(resolved.entry());
        return resolved;
    }
}
