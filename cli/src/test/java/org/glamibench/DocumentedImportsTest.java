package org.glamibench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glamibench.testing.DocumentedImports;
import org.junit.jupiter.api.Test;

/**
 * Every main package of the modules on this module's class path (api, core, sample, models, cli)
 * closes its package-info with the harness packages it may import, and imports exactly those
 * ({@link DocumentedImports}). The benchmarks and leaderboard modules check their own packages.
 */
class DocumentedImportsTest {

    /**
     * The evaluation core's halves of the two packages it shares with the API: their package-info is
     * the API's (a second one would clash in javadoc), so the core halves' permissions are stated here.
     */
    static final Map<String, Set<String>> CORE_HALVES = Map.of(
            "core:org.glamibench.dataset", Set.of("org.glamibench.files"),
            "core:org.glamibench.image", Set.of("org.glamibench.files"));

    @Test
    void everyPackageImportsExactlyWhatItsPackageInfoPermits() {
        assertThat(DocumentedImports.problems(List.of("api", "core", "sample", "models", "cli"), CORE_HALVES))
                .isEmpty();
    }
}
