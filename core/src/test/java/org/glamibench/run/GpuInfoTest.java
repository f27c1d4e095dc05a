package org.glamibench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.glamibench.files.JsonFiles;
import org.junit.jupiter.api.Test;

/** The GPU of a run's provenance, as nvidia-smi reports it (its output as of driver 570). */
class GpuInfoTest {
    private static final String BANNER = """
            Fri Dec  4 18:02:11 2026
            +-----------------------------------------------------------------------------------------+
            | NVIDIA-SMI 570.124.06             Driver Version: 570.124.06     CUDA Version: 12.8     |
            |-----------------------------------------+------------------------+----------------------+
            """;

    @Test
    void readsEveryGpuOfTheQueryWithTheDriversCuda() {
        List<GpuInfo> gpus = GpuInfo.parse("0, NVIDIA H200, 143771, 570.124.06\n1, NVIDIA A10G, 23028, 570.124.06\n",
                BANNER);
        assertThat(gpus).containsExactly(new GpuInfo(0, "NVIDIA H200", 143771, "570.124.06", "12.8"),
                new GpuInfo(1, "NVIDIA A10G", 23028, "570.124.06", "12.8"));
        assertThat(gpus.get(0).summary()).isEqualTo("NVIDIA H200, 143771 MiB");
    }

    @Test
    void linesOfAnotherShapeAndAMissingBannerGiveNothingWrong() {
        assertThat(GpuInfo.parse("No devices were found\n", BANNER)).isEmpty();
        assertThat(GpuInfo.parse("0, NVIDIA H200, [N/A], 570.124.06\n", BANNER)).isEmpty();
        assertThat(GpuInfo.parse("0, NVIDIA H200, 143771, 570.124.06\n", "")).singleElement()
                .satisfies(gpu -> assertThat(gpu.cuda()).isNull());
    }

    @Test
    void runJsonNamesTheGpuOfAGpuRunOnly() {
        Provenance cpu = new Provenance("1", null, "JDK", "Linux", "CPU", 2, 1, "PyTorch", "2.5.1", "0.33.0", "cpu()",
                null);
        assertThat(JsonFiles.MAPPER.valueToTree(cpu).has("gpu")).isFalse();
        JsonNode gpu = JsonFiles.MAPPER.valueToTree(new Provenance("1", null, "JDK", "Linux", "CPU", 2, 1, "PyTorch",
                "2.5.1", "0.33.0", "gpu(0)", new GpuInfo(0, "NVIDIA H200", 143771, "570.124.06", "12.8"))).get("gpu");
        assertThat(gpu.toString()).isEqualTo("{\"index\":0,\"name\":\"NVIDIA H200\",\"memory_mib\":143771,"
                + "\"driver\":\"570.124.06\",\"cuda\":\"12.8\"}");
        assertThat(cpu.onDevice(false, 0)).isSameAs(cpu);
    }
}
