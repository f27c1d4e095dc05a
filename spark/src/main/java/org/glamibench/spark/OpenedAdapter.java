package org.glamibench.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;
import org.glamibench.eval.ScoringSession;

/**
 * What an executor's opened adapter said of itself (descriptor, configuration, engine), sent back
 * to the driver for run.json; the API's types are not serializable.
 */
record OpenedAdapter(String name, String version, Modality modality, OutputKind output, Long parameterCount,
                     String license, String weightsSha256, String description, TreeMap<String, String> configuration,
                     String[] engine) implements Serializable {

    static OpenedAdapter of(ScoringSession<?> session) {
        AdapterDescriptor d = session.descriptor();
        Map<String, String> configuration = session.configuration();
        String[] engine = session.engine()
                .map(e -> new String[] {e.engine(), e.engineVersion(), e.djlVersion(), e.device()}).orElse(null);
        return new OpenedAdapter(d.name(), d.version(), d.modality(), d.output(), d.parameterCount(), d.license(),
                d.weightsSha256(), d.description(), configuration == null ? null : new TreeMap<>(configuration), engine);
    }

    AdapterDescriptor descriptor() {
        return new AdapterDescriptor(name, version, modality, output, parameterCount, license, weightsSha256,
                description);
    }

    Optional<EngineInfo> engineInfo() {
        return engine == null ? Optional.empty() : Optional.of(new EngineInfo(engine[0], engine[1], engine[2], engine[3]));
    }
}
