package org.glamibench.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.EngineInfo;
import org.junit.jupiter.api.Test;

class ModelDevicesTest {

    @Test
    void theCpuIsAlwaysThereAndDescribedWithTheEngine() {
        Device cpu = ModelDevices.select(DeviceSpec.CPU);
        assertThat(cpu).isEqualTo(Device.cpu());
        EngineInfo engine = ModelDevices.describe(cpu);
        assertThat(engine.engine()).isEqualTo("PyTorch");
        assertThat(engine.engineVersion()).isEqualTo("2.7.1");
        assertThat(engine.djlVersion()).isEqualTo("0.36.0");
        assertThat(engine.device()).isEqualTo("cpu()");
    }

    @Test
    void aGpuOnAMachineWithoutOneIsAClearErrorNeverTheCpu() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
        for (String spec : new String[] {"gpu", "gpu:1"}) {
            assertThatThrownBy(() -> ModelDevices.select(DeviceSpec.parse(spec)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--device " + DeviceSpec.parse(spec) + ": the PyTorch 2.7.1 engine of this build is the "
                            + "CPU one (libtorch cpu) and sees no GPU; for a GPU, run the GPU build: GLAMI_BENCH_GPU=1 "
                            + "./glami-bench ... (or build it with mvn -Pgpu; see docs/gpu.md); use --device cpu");
        }
    }

    @Test
    void aGpuIndexBeyondTheGpusThereIsAClearError() {
        int gpus = Engine.getInstance().getGpuCount();
        assumeTrue(gpus > 0, "this machine has no GPU");
        assertThatThrownBy(() -> ModelDevices.select(new DeviceSpec(true, gpus)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sees " + gpus + " GPU");
    }
}
