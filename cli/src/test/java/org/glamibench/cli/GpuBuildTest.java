package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glamibench.npy.Npy;
import org.glamibench.testing.ProjectRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU build ({@code mvn -Pgpu}: this JVM runs it) on a machine without a GPU: {@code --device cpu}
 * trains and evaluates like the CPU build (the same top-1 for every item, probabilities within 1e-5:
 * libtorch 2.5.1 and 2.7.1 may differ in the last bits), and {@code --device gpu} is refused with exit 2,
 * naming what the engine saw. The CPU build's run comes from the launcher ({@code ./glami-bench}, which
 * builds target/ if needed). Where the NVIDIA driver is missing, the build's test fixture
 * (gpu-test/driverless.sh) stands in for "a driver but no GPU"; on a machine with a GPU the refusal
 * tests are skipped.
 */
@Tag("gpu-build")
class GpuBuildTest {
    @TempDir
    static Path root;
    private static Path data;
    private static Path model;

    @BeforeAll
    static void trainAnImageModelOnTheGpuBuildsCpu() {
        data = root.resolve("sample");
        CommandRun sample = CommandRun.of("sample", "--out", data.toString(), "--train", "600", "--test", "120");
        assertThat(sample.exitCode()).as("%s", sample).isZero();
        model = root.resolve("image");
        CommandRun train = CommandRun.of("train", "--model", "image", "--data", data.toString(), "--out",
                model.toString(), "--epochs", "1", "--device", "cpu");
        assertThat(train.exitCode()).as("%s", train).isZero();
    }

    private static boolean aGpuIsVisible() {
        return ai.djl.engine.Engine.getInstance().getGpuCount() > 0;
    }

    @Test
    void cpuEvaluationMatchesTheCpuBuild() throws IOException, InterruptedException {
        Path gpuBuildRuns = root.resolve("gpu-build-runs");
        evalOk(data, gpuBuildRuns, "--adapter", "image", "--adapter-option", "model=" + model, "--device", "cpu",
                "--save-scores", "--run-id", "image");
        Path cpuBuildRuns = root.resolve("cpu-build-runs");
        runCpuBuild("eval", "--data", data.toString(), "--out", cpuBuildRuns.toString(), "--threads", "2",
                "--cache", cpuBuildRuns.resolve("cache").toString(), "--adapter", "image", "--adapter-option",
                "model=" + model, "--device", "cpu", "--save-scores", "--run-id", "image");

        JsonNode gpuBuild = runJson(gpuBuildRuns.resolve("image")).get("provenance");
        JsonNode cpuBuild = runJson(cpuBuildRuns.resolve("image")).get("provenance");
        assertThat(gpuBuild.get("engine_version").asText()).isEqualTo("2.5.1");
        assertThat(gpuBuild.get("djl_version").asText()).isEqualTo("0.33.0");
        assertThat(cpuBuild.get("engine_version").asText()).isEqualTo("2.7.1");
        assertThat(gpuBuild.has("gpu")).as("no GPU in a CPU run's provenance").isFalse();

        Map<String, float[]> gpuScores = scoresByItem(gpuBuildRuns.resolve("image"));
        Map<String, float[]> cpuScores = scoresByItem(cpuBuildRuns.resolve("image"));
        assertThat(gpuScores).hasSize(120).containsOnlyKeys(cpuScores.keySet());
        double maxDifference = 0;
        for (Map.Entry<String, float[]> item : gpuScores.entrySet()) {
            float[] cpu = cpuScores.get(item.getKey());
            float[] gpu = item.getValue();
            assertThat(argmax(gpu)).as("top-1 of item %s", item.getKey()).isEqualTo(argmax(cpu));
            for (int c = 0; c < gpu.length; c++) {
                maxDifference = Math.max(maxDifference, Math.abs(gpu[c] - cpu[c]));
            }
        }
        assertThat(maxDifference).as("largest probability difference, GPU build vs CPU build").isLessThan(1e-5);
    }

    @Test
    void aGpuIsRefusedNamingWhatTheEngineSaw() {
        org.junit.jupiter.api.Assumptions.assumeFalse(aGpuIsVisible(), "a GPU is visible here");
        String seen = "the PyTorch 2.5.1 engine (libtorch for CUDA 12.4) sees no GPU here: 0 CUDA devices, with ";

        CommandRun evaluation = eval(data, root.resolve("refused"), "--adapter", "image", "--adapter-option",
                "model=" + model, "--device", "gpu");
        assertThat(evaluation.exitCode()).as("%s", evaluation).isEqualTo(2);
        assertThat(evaluation.err()).startsWith("error: adapter image failed to open: --device gpu:0: " + seen)
                .endsWith("; use --device cpu\n");

        CommandRun training = CommandRun.of("train", "--model", "text", "--data", data.toString(), "--out",
                root.resolve("refused-model").toString(), "--device", "gpu:1");
        assertThat(training.exitCode()).as("%s", training).isEqualTo(2);
        assertThat(training.err()).startsWith("error: --device gpu:1: " + seen);

        CommandRun perf = CommandRun.of("perf", "--adapter", "image", "--adapter-option", "model=" + model, "--data",
                data.toString(), "--out", root.resolve("refused-perf").toString(), "--device", "gpu",
                "--duration", "1", "--warmup", "0");
        assertThat(perf.exitCode()).as("%s", perf).isEqualTo(2);
        assertThat(perf.err()).contains("--device gpu:0: " + seen);
    }

    @Test
    void withoutTheDriverTheGpuBuildSaysWhatItNeedsAndPointsToTheCpuBuild() throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("target-gpu/libcuda-stand-in/libcuda.so.1")),
                "the NVIDIA driver is installed here");
        Launched run = launch(true, "train", "--model", "text", "--data", data.toString(), "--out",
                root.resolve("driverless-model").toString(), "--device", "cpu");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("error: the GPU build's PyTorch engine (libtorch for CUDA 12.4) cannot start "
                + "here: ").contains("; it needs the NVIDIA driver (libcuda.so.1) and the CUDA 12 runtime (libcudart.so) "
                + "on the library path (docs/gpu.md); without them, use the CPU build (./glami-bench without "
                + "GLAMI_BENCH_GPU=1)");
    }

    /** Runs the CPU build through the launcher, as a user would, and fails unless it exits 0. */
    private static void runCpuBuild(String... args) throws IOException, InterruptedException {
        Launched run = launch(false, args);
        assertThat(run.exitCode()).as("the CPU build: %s", run.output()).isZero();
    }

    private record Launched(int exitCode, String output) {
    }

    /**
     * Runs the command line in a process of its own, without this test's stand-in for the driver: the CPU
     * build through the launcher ({@code ./glami-bench ARGS}, as a user would), or the GPU build on this
     * JVM's class path (as {@code GLAMI_BENCH_GPU=1 ./glami-bench} runs it, without rebuilding it under
     * this test).
     */
    private static Launched launch(boolean gpuBuild, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(gpuBuild
                ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true",
                        "-cp", System.getProperty("java.class.path"), GlamiBench.class.getName())
                : List.of(ProjectRoot.resolve("glami-bench").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(root, "launcher-", ".log");
        ProcessBuilder launcher = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        for (String variable : List.of("GLAMI_BENCH_GPU", "PYTORCH_LIBRARY_PATH", "LD_LIBRARY_PATH")) {
            launcher.environment().remove(variable);
        }
        launcher.environment().put("GLAMI_BENCH_MVN_OPTS", "-o");
        Process process = launcher.start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " ran over 20 minutes");
        }
        return new Launched(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Each item's probabilities: scores.npy's rows keyed by predictions.csv's item_id column. */
    private static Map<String, float[]> scoresByItem(Path runDir) throws IOException {
        List<String> lines = Files.readAllLines(runDir.resolve("predictions.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("item_id,");
        Map<String, float[]> scores = new HashMap<>();
        try (FileChannel channel = FileChannel.open(runDir.resolve("scores.npy"))) {
            Npy.Header header = Npy.read(channel, "scores.npy");
            float[] all = Npy.readFloats(channel, header.dataOffset(), (int) header.rows() * header.columns());
            assertThat(header.rows()).isEqualTo(lines.size() - 1L);
            for (int row = 0; row < header.rows(); row++) {
                String line = lines.get(row + 1);
                scores.put(line.substring(0, line.indexOf(',')), java.util.Arrays.copyOfRange(all,
                        row * header.columns(), (row + 1) * header.columns()));
            }
        }
        return scores;
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }
}
