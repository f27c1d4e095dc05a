package org.glamibench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.glamibench.testing.DocumentedImports;
import org.junit.jupiter.api.Test;

/**
 * Every main package of the spark module closes its package-info with the harness packages it may
 * import, and imports exactly those ({@link DocumentedImports}).
 */
class DocumentedImportsTest {

    @Test
    void everyPackageImportsExactlyWhatItsPackageInfoPermits() {
        assertThat(DocumentedImports.problems(List.of("spark"), Map.of())).isEmpty();
    }
}
