package org.glamibench.benchmarks.report;

import ai.djl.engine.Engine;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.glamibench.run.GpuInfo;
import org.glamibench.run.Provenance;

/**
 * The machine a benchmark ran on, for the report: the JVM and CPU of {@link Provenance}, the
 * physical memory, the deep learning engines on the class path, the device the benchmarks were
 * asked to use, and the NVIDIA GPUs present.
 *
 * @param provenance  CPU, cores, heap, JDK and OS
 * @param memoryBytes physical memory; 0 when unknown
 * @param engines     each engine with its version, e.g. {@code PyTorch 2.7.1}
 * @param device      the device asked for: {@code cpu}, {@code gpu:N}
 * @param gpus        the GPUs {@code nvidia-smi} lists (name, memory, driver, CUDA); empty when it lists
 *                    none or is absent
 */
public record Machine(Provenance provenance, long memoryBytes, List<String> engines, String device, List<GpuInfo> gpus) {

    public Machine {
        engines = List.copyOf(engines);
        gpus = List.copyOf(gpus);
    }

    /** This machine, loading every DJL engine on the class path to learn its version. */
    public static Machine ofThisMachine(String device) {
        List<String> engines = new ArrayList<>();
        for (String name : Engine.getAllEngines()) {
            engines.add(name + " " + Engine.getEngine(name).getVersion());
        }
        return new Machine(Provenance.ofThisMachine(), physicalMemory(), engines, device, GpuInfo.all());
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
