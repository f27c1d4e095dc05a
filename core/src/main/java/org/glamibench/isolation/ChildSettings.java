package org.glamibench.isolation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.glamibench.registry.Isolation;

/**
 * How adapters run in child JVMs.
 *
 * @param heap                the child's maximum heap, as for {@code -Xmx}: digits and an optional
 *                            k, m or g
 * @param batchTimeoutSeconds how long one batch may take (sending, preparing, scoring, answering)
 *                            before the child is ended
 * @param openTimeoutSeconds  how long starting the child and opening the adapter, or closing it,
 *                            may take
 * @param sandbox             whether the child runs inside a bubblewrap sandbox
 * @param prepareThreads      threads on which the child calls the adapter's {@code prepare}
 * @param retries             how often a batch is retried in a fresh child after the child failed
 *                            on it (crash, timeout, garbage): 1 for runs, 0 for validation
 * @param hidden              folders the sandbox must not show (the dataset, the run folders):
 *                            starting refuses when one lies inside a folder it has to show
 * @param stderr              receives each line the child writes to its standard error (and to
 *                            {@code System.out}, which the child redirects there)
 */
public record ChildSettings(String heap, int batchTimeoutSeconds, int openTimeoutSeconds, boolean sandbox,
                            int prepareThreads, int retries, List<Path> hidden, Consumer<String> stderr) {
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]{0,9}[kKmMgG]?");

    /** @throws IllegalArgumentException for a malformed heap or a value out of range */
    public ChildSettings {
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(stderr, "stderr");
        hidden = List.copyOf(hidden);
        if (!HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("--adapter-heap must be a size such as 512m or 2g, got '" + heap + "'");
        }
        if (batchTimeoutSeconds < 1 || openTimeoutSeconds < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 second, got " + batchTimeoutSeconds
                    + " and " + openTimeoutSeconds);
        }
        if (prepareThreads < 1 || retries < 0) {
            throw new IllegalArgumentException("prepare threads must be at least 1 and retries at least 0");
        }
    }

    /** How the adapters run, as stamped on a run. */
    public Isolation isolation() {
        return new Isolation(sandbox ? Isolation.Level.CHILD_SANDBOX : Isolation.Level.CHILD, heap, batchTimeoutSeconds);
    }

    Duration batchTimeout() {
        return Duration.ofSeconds(batchTimeoutSeconds);
    }

    Duration openTimeout() {
        return Duration.ofSeconds(openTimeoutSeconds);
    }
}
