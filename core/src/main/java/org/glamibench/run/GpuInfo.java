package org.glamibench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NVIDIA GPU as {@code nvidia-smi} reports it, for the provenance of a run on a GPU.
 *
 * @param index     the GPU's index, as {@code --device gpu:N} names it
 * @param name      the GPU's name, e.g. {@code NVIDIA H200}
 * @param memoryMib its memory in MiB
 * @param driver    the NVIDIA driver's version
 * @param cuda      the newest CUDA version the driver supports, e.g. {@code 12.4}; null when not shown
 */
public record GpuInfo(int index, String name, long memoryMib, String driver, String cuda) {
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*,\\s*");
    private static final String QUERY = "--query-gpu=index,name,memory.total,driver_version";
    private static final Pattern CUDA_VERSION = Pattern.compile("CUDA Version: ([0-9.]+)");

    /** The GPUs {@code nvidia-smi} lists; empty when it is absent, fails or lists none. */
    public static List<GpuInfo> all() {
        Optional<String> table = nvidiaSmi(QUERY, "--format=csv,noheader,nounits");
        return table.isEmpty() ? List.of() : parse(table.get(), nvidiaSmi().orElse(""));
    }

    /**
     * The GPUs of {@code nvidia-smi --query-gpu=index,name,memory.total,driver_version
     * --format=csv,noheader,nounits} output, with the CUDA version of plain {@code nvidia-smi}'s banner
     * ({@code CUDA Version: 12.4}); lines of another shape are left out.
     */
    static List<GpuInfo> parse(String table, String banner) {
        Matcher version = CUDA_VERSION.matcher(banner);
        String cuda = version.find() ? version.group(1) : null;
        List<GpuInfo> gpus = new ArrayList<>();
        for (String line : table.lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            String[] fields = FIELD_SEPARATOR.split(line, -1);
            if (fields.length == 4 && fields[0].matches("\\d+") && fields[2].matches("\\d+")) {
                gpus.add(new GpuInfo(Integer.parseInt(fields[0]), fields[1], Long.parseLong(fields[2]), fields[3], cuda));
            }
        }
        return List.copyOf(gpus);
    }

    /** The GPU with this index, if {@code nvidia-smi} lists it. */
    public static Optional<GpuInfo> of(int index) {
        return all().stream().filter(gpu -> gpu.index() == index).findFirst();
    }

    /** {@code name, memory MiB}, as the benchmark report lists a GPU. */
    public String summary() {
        return name + ", " + memoryMib + " MiB";
    }

    private static Optional<String> nvidiaSmi(String... arguments) {
        List<String> command = new ArrayList<>(List.of("nvidia-smi"));
        command.addAll(List.of(arguments));
        Path output = null;
        try {
            // The output goes to a file, so that a hung nvidia-smi is given up after the wait.
            output = Files.createTempFile("glami-bench-nvidia-smi", ".txt");
            Process smi = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!smi.waitFor(20, TimeUnit.SECONDS)) {
                smi.destroyForcibly();
                return Optional.empty();
            }
            return smi.exitValue() == 0 ? Optional.of(Files.readString(output, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind: nothing to tell the caller
            }
        }
    }
}
