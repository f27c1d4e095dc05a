package org.glamibench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.EngineInfo;

/**
 * Where a run came from: the harness build, the JVM and the machine. Engine fields are null for
 * adapters that use no deep learning engine.
 *
 * @param harnessVersion the harness version
 * @param gitCommit      the commit of the harness checkout; null when unknown
 * @param jdk            vendor and version of the JVM
 * @param os             OS name, version and architecture
 * @param cpu            the CPU model; null when unknown
 * @param cores          processors available to the JVM
 * @param maxHeapBytes   the JVM's maximum heap
 * @param engine         the deep learning engine used, e.g. PyTorch; null when none
 * @param engineVersion  its version; null when none
 * @param djlVersion     the DJL version; null when DJL was not used
 * @param engineDevice   the device the engine ran the model on, as the engine names it (e.g.
 *                       {@code cpu()}, {@code gpu(0)}); null when no engine
 * @param gpu            the GPU the run used, as {@code nvidia-smi} reports it; null (and left out of
 *                       run.json) for a run on the CPU
 */
public record Provenance(String harnessVersion, String gitCommit, String jdk, String os, String cpu, int cores,
                         long maxHeapBytes, String engine, String engineVersion, String djlVersion,
                         String engineDevice, @JsonInclude(JsonInclude.Include.NON_NULL) GpuInfo gpu) {

    /**
     * This JVM and machine, the engine that ran the model (if any) and, for a run on a GPU, that GPU
     * as {@code nvidia-smi} reports it.
     */
    public static Provenance of(Optional<EngineInfo> engine, DeviceSpec device) {
        Provenance machine = ofThisMachine();
        return engine.map(e -> machine.withEngine(e.engine(), e.engineVersion(), e.djlVersion(), e.device()))
                .orElse(machine).onDevice(device.gpu(), device.index());
    }

    /** This JVM and machine, with no engine. */
    public static Provenance ofThisMachine() {
        return new Provenance(HarnessVersion.get(), currentGitCommit(), System.getProperty("java.vendor") + " "
                + System.getProperty("java.runtime.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"), cpuModel(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), null, null, null, null, null);
    }

    /** This provenance with the engine that ran the model and the device it ran on. */
    public Provenance withEngine(String engine, String engineVersion, String djlVersion, String engineDevice) {
        return new Provenance(harnessVersion, gitCommit, jdk, os, cpu, cores, maxHeapBytes, engine, engineVersion,
                djlVersion, engineDevice, gpu);
    }

    /**
     * This provenance for a run on the CPU ({@code gpu} false: unchanged) or on GPU {@code index}: with
     * that GPU as {@code nvidia-smi} reports it (none when it does not list it).
     */
    public Provenance onDevice(boolean gpu, int index) {
        return gpu ? new Provenance(harnessVersion, gitCommit, jdk, os, cpu, cores, maxHeapBytes, engine, engineVersion,
                djlVersion, engineDevice, GpuInfo.of(index).orElse(null)) : this;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The commit of the git checkout holding the harness's classes, asked of git; null when unknown. */
    private static String currentGitCommit() {
        try {
            Path classes = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory((Files.isDirectory(classes) ? classes : classes.getParent()).toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
