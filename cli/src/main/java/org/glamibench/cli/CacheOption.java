package org.glamibench.cli;

import java.nio.file.Path;
import org.glamibench.harness.Evaluation;
import picocli.CommandLine.Option;

/** {@code --cache}: the adapters' cache folder (a picocli mixin). */
final class CacheOption {
    @Option(names = "--cache", paramLabel = "DIR", description = "Adapters' cache folder (default: $GLAMI_BENCH_CACHE or ~/.cache/glami-bench).")
    private Path cache;

    /** The folder given, else {@link Evaluation#defaultCache the default}. */
    Path folder() {
        return cache != null ? cache : Evaluation.defaultCache(System.getenv());
    }
}
