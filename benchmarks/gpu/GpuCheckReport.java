import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glamibench.npy.Npy;

/**
 * The report of benchmarks/gpu/check.sh (run by it, as a single-file program on the GPU build's class
 * path): reads the runs and perf results check.sh wrote under OUT and writes OUT/gpu-check.json with
 * the machine, the GPU (name, memory, driver, CUDA, as nvidia-smi reports it in the GPU run's
 * provenance), the engine versions, the forward check (max abs difference of the probabilities, GPU
 * against CPU, and top-1 agreement), the evaluation's items/s and the throughput per batch size.
 * Exits 1 when the forward check fails (difference above 1e-3, or another top-1), else 0.
 * Usage: java -cp CLASSPATH GpuCheckReport.java OUT DEVICE
 */
public final class GpuCheckReport {
    private static final double TOLERANCE = 1e-3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String device = args[1];
        Path runs = out.resolve("runs");
        JsonNode gpuRun = JSON.readTree(runs.resolve("forward-gpu/run.json").toFile());
        JsonNode evaluation = JSON.readTree(runs.resolve("evaluation/run.json").toFile());
        JsonNode provenance = gpuRun.get("provenance");

        ObjectNode report = JSON.createObjectNode();
        report.put("device", device);
        ObjectNode machine = report.putObject("machine");
        for (String field : List.of("cpu", "cores", "os", "jdk", "harness_version", "git_commit")) {
            machine.set(field, provenance.get(field));
        }
        report.set("gpu", provenance.get("gpu"));
        ObjectNode engines = report.putObject("engines");
        for (String field : List.of("engine", "engine_version", "djl_version", "engine_device")) {
            engines.set(field, provenance.get(field));
        }

        Map<String, float[]> cpu = scoresByItem(runs.resolve("forward-cpu"));
        Map<String, float[]> gpu = scoresByItem(runs.resolve("forward-gpu"));
        double maxDifference = 0;
        int sameTop1 = 0;
        for (Map.Entry<String, float[]> item : gpu.entrySet()) {
            float[] reference = cpu.get(item.getKey());
            if (reference == null) {
                throw new IllegalStateException("item " + item.getKey() + " is in the GPU run only");
            }
            for (int c = 0; c < reference.length; c++) {
                maxDifference = Math.max(maxDifference, Math.abs(item.getValue()[c] - reference[c]));
            }
            sameTop1 += argmax(item.getValue()) == argmax(reference) ? 1 : 0;
        }
        boolean passed = gpu.size() == cpu.size() && maxDifference <= TOLERANCE && sameTop1 == gpu.size();
        ObjectNode forward = report.putObject("forward_check");
        forward.put("items", gpu.size());
        forward.put("max_abs_difference", maxDifference);
        forward.put("tolerance", TOLERANCE);
        forward.put("same_top1", sameTop1);
        forward.put("passed", passed);

        ObjectNode eval = report.putObject("evaluation");
        eval.set("items", evaluation.get("timing").get("items"));
        eval.set("items_per_second", evaluation.get("timing").get("items_per_second"));
        eval.set("batch", evaluation.get("settings").get("batch"));
        eval.set("top1", evaluation.get("metrics").get("top1"));

        ObjectNode throughput = report.putObject("throughput_items_per_second");
        for (int batch : new int[] {1, 32, 128}) {
            throughput.set(Integer.toString(batch), perfItemsPerSecond(out.resolve("perf-" + batch)));
        }
        Path file = out.resolve("gpu-check.json");
        JSON.writeValue(file.toFile(), report);
        System.out.println(JSON.writeValueAsString(report));
        System.out.println("check.sh: written to " + file + (passed ? "" : "; THE FORWARD CHECK FAILED"));
        System.exit(passed ? 0 : 1);
    }

    private static JsonNode perfItemsPerSecond(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                if (result.has("items_per_second")) {
                    return result.get("items_per_second");
                }
            }
        }
        throw new IllegalStateException(folder + ": no perf result");
    }

    /** Each item's probabilities: scores.npy's rows keyed by predictions.csv's item_id column. */
    private static Map<String, float[]> scoresByItem(Path runDir) throws IOException {
        List<String> lines = Files.readAllLines(runDir.resolve("predictions.csv"), StandardCharsets.UTF_8);
        Map<String, float[]> scores = new HashMap<>();
        try (FileChannel channel = FileChannel.open(runDir.resolve("scores.npy"))) {
            Npy.Header header = Npy.read(channel, runDir.resolve("scores.npy").toString());
            float[] all = Npy.readFloats(channel, header.dataOffset(), (int) header.rows() * header.columns());
            for (int row = 0; row < header.rows(); row++) {
                String line = lines.get(row + 1);
                scores.put(line.substring(0, line.indexOf(',')),
                        Arrays.copyOfRange(all, row * header.columns(), (row + 1) * header.columns()));
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
