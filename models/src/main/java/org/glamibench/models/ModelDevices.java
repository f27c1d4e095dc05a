package org.glamibench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.EngineInfo;

/**
 * Turns a {@code --device} value into a DJL device of the default engine (PyTorch), and says
 * which engine and device ran. A GPU that is not there is an error, never a fallback to the CPU; the
 * error says how to get the GPU build where this is the CPU one ({@link NativeBuild}).
 */
public final class ModelDevices {
    private ModelDevices() {
    }

    /**
     * The device for a {@code --device} value.
     *
     * @throws IllegalArgumentException when a GPU is asked for and the engine sees none, or fewer
     *                                  than the index asks for; or when this is the GPU build and its
     *                                  engine cannot start here (no NVIDIA driver, no CUDA runtime)
     */
    public static Device select(DeviceSpec spec) {
        Engine engine = engine();
        if (!spec.gpu()) {
            return Device.cpu();
        }
        int gpus = engine.getGpuCount();
        if (gpus == 0) {
            throw new IllegalArgumentException("--device " + spec + ": " + noGpu(engine) + "; use --device cpu");
        }
        if (spec.index() >= gpus) {
            throw new IllegalArgumentException("--device " + spec + ": the " + engine.getEngineName() + " engine sees "
                    + gpus + " GPU" + (gpus == 1 ? "" : "s") + " (gpu:0" + (gpus > 1 ? " to gpu:" + (gpus - 1) : "")
                    + ")");
        }
        return Device.gpu(spec.index());
    }

    /** The default engine (PyTorch); where the GPU build's cannot start, a message that says what it needs. */
    private static Engine engine() {
        try {
            return Engine.getInstance();
        } catch (RuntimeException | LinkageError e) {
            if (!NativeBuild.isCudaBuild()) {
                throw e;
            }
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException("the GPU build's PyTorch engine (libtorch for CUDA "
                    + NativeBuild.cudaVersion() + ") cannot start here: " + e.getMessage()
                    + (cause == e ? "" : " (" + cause.getMessage() + ")") + "; it needs the NVIDIA driver "
                    + "(libcuda.so.1) and the CUDA 12 runtime (libcudart.so) on the library path (docs/gpu.md); "
                    + "without them, use the CPU build (./glami-bench without GLAMI_BENCH_GPU=1)", e);
        }
    }

    /**
     * Why the engine sees no GPU: on the CPU build, that it is the CPU build and how to get the GPU
     * build; on the GPU build, what the engine found (its CUDA devices and the driver library it loaded).
     */
    private static String noGpu(Engine engine) {
        String name = "the " + engine.getEngineName() + " " + engine.getVersion() + " engine";
        if (!NativeBuild.isCudaBuild()) {
            return name + " of this build is the CPU one (libtorch " + NativeBuild.libtorchFlavor() + ") and sees no "
                    + "GPU; for a GPU, run the GPU build: GLAMI_BENCH_GPU=1 ./glami-bench ... (or build it with "
                    + "mvn -Pgpu; see docs/gpu.md)";
        }
        List<Path> driver = NativeBuild.loadedLibraries("libcuda.so");
        return name + " (libtorch for CUDA " + NativeBuild.cudaVersion() + ") sees no GPU here: 0 CUDA devices, with "
                + (driver.isEmpty() ? "no CUDA driver library (libcuda.so.1) loaded" : "the CUDA driver library "
                + driver.get(0)) + " (is the NVIDIA driver installed and a GPU visible to nvidia-smi?)";
    }

    /** The default engine, its version, DJL's version and the device, for provenance. */
    public static EngineInfo describe(Device device) {
        Engine engine = Engine.getInstance();
        return new EngineInfo(engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), device.toString());
    }
}
