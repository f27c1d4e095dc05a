package org.glamibench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.EngineInfo;

/**
 * Turns a {@code --device} value into a DJL device of the default engine (PyTorch), and says
 * which engine and device ran. A GPU that is not there is an error, never a fallback to the CPU.
 */
public final class ModelDevices {
    private ModelDevices() {
    }

    /**
     * The device for a {@code --device} value.
     *
     * @throws IllegalArgumentException when a GPU is asked for and the engine sees none, or fewer
     *                                  than the index asks for
     */
    public static Device select(DeviceSpec spec) {
        if (!spec.gpu()) {
            return Device.cpu();
        }
        Engine engine = Engine.getInstance();
        int gpus = engine.getGpuCount();
        if (gpus == 0) {
            throw new IllegalArgumentException("--device " + spec + ": the " + engine.getEngineName() + " "
                    + engine.getVersion() + " engine sees no GPU here (the harness ships the CPU build of its "
                    + "native library); use --device cpu");
        }
        if (spec.index() >= gpus) {
            throw new IllegalArgumentException("--device " + spec + ": the " + engine.getEngineName() + " engine sees "
                    + gpus + " GPU" + (gpus == 1 ? "" : "s") + " (gpu:0" + (gpus > 1 ? " to gpu:" + (gpus - 1) : "")
                    + ")");
        }
        return Device.gpu(spec.index());
    }

    /** The default engine, its version, DJL's version and the device, for provenance. */
    public static EngineInfo describe(Device device) {
        Engine engine = Engine.getInstance();
        return new EngineInfo(engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), device.toString());
    }
}
