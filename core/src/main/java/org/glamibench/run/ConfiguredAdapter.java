package org.glamibench.run;

import java.util.Map;

/**
 * A built-in adapter whose effective configuration run.json records as {@code adapter.configuration}:
 * the choices it made from its options and defaults (e.g. {@code embracement=sampled}), so a run says
 * what ran even where the options were left out. Honoured only for adapters on the harness's class
 * path, never for an adapter from a jar.
 */
public interface ConfiguredAdapter {

    /** The configuration after {@code open}: keys in snake_case, values as text; never null. */
    Map<String, String> configuration();
}
