package org.glamibench.adapter;

import java.util.Objects;

/**
 * The deep learning engine that runs an adapter's model, as recorded in a run's provenance.
 *
 * @param engine        the engine's name, e.g. {@code PyTorch}
 * @param engineVersion its version, e.g. {@code 2.7.1}
 * @param djlVersion    the DJL version; null when the engine is not driven through DJL
 * @param device        the device the model runs on, as the engine names it, e.g. {@code cpu()}
 *                      or {@code gpu(0)}
 */
public record EngineInfo(String engine, String engineVersion, String djlVersion, String device) {

    /**
     * Checks that the required components are present.
     *
     * @param engine        the engine's name
     * @param engineVersion its version
     * @param djlVersion    the DJL version; may be null
     * @param device        the device the model runs on, as the engine names it
     * @throws NullPointerException when {@code engine}, {@code engineVersion} or {@code device} is
     *                              null
     */
    public EngineInfo {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(device, "device");
    }
}
