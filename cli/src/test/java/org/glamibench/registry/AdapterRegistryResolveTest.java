package org.glamibench.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code --adapter NAME} and the adapter options find and configure an adapter. */
class AdapterRegistryResolveTest {

    @Test
    void anAdapterIsConfiguredByItsOptions() throws Exception {
        try (AdapterRegistry registry = AdapterRegistry.load(List.of())) {
            AdapterRegistry.Resolved prior = registry.resolve("prior", Map.of());
            assertThat(prior.entry().descriptor().name()).isEqualTo("prior");
            assertThat(prior.options()).isEmpty();

            assertThat(registry.entries()).extracting(e -> e.descriptor().name())
                    .contains("prior", "random", "exported", "baseline");
        }
    }

    @Test
    void prefixColonNameIsThePrefixAdapterWithTheNameOption() throws Exception {
        try (AdapterRegistry registry = AdapterRegistry.load(List.of())) {
            AdapterRegistry.Resolved published = registry.resolve("baseline:embracenet-image-text", Map.of());
            assertThat(published.options()).isEqualTo(Map.of("name", "embracenet-image-text"));
            assertThat(published.entry().descriptor().name()).isEqualTo("baseline:glami-embracenet");
            assertThatThrownBy(() -> registry.resolve("baseline:a", Map.of("name", "b")))
                    .hasMessage("--adapter baseline:a names 'a', but --adapter-option name=b another");
            assertThatThrownBy(() -> registry.resolve("nothing:a", Map.of()))
                    .hasMessageStartingWith("no adapter named 'nothing:a'; available: prior, random");
        }
    }
}
