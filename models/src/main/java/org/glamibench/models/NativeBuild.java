package org.glamibench.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * Which native builds of libtorch and ONNX Runtime this harness carries (the CPU ones, or the CUDA
 * ones of the {@code -Pgpu} build), and which native libraries the process has loaded: what a message about a
 * GPU must say, and what the tests of both builds check.
 */
public final class NativeBuild {
    private static final String LIBTORCH_PROPERTIES = "native/lib/pytorch.properties";
    private static final String ONNX_RUNTIME_CUDA_PROVIDER =
            "ai/onnxruntime/native/linux-x64/libonnxruntime_providers_cuda.so";

    private NativeBuild() {
    }

    /**
     * The flavour of the libtorch natives on the class path, as DJL's native jar states it:
     * {@code cpu}, or {@code cu124} for CUDA 12.4.
     *
     * @throws IllegalStateException when the class path holds no libtorch natives, or several
     */
    public static String libtorchFlavor() {
        List<String> flavors = new ArrayList<>();
        try {
            Enumeration<URL> found = NativeBuild.class.getClassLoader().getResources(LIBTORCH_PROPERTIES);
            while (found.hasMoreElements()) {
                Properties properties = new Properties();
                try (InputStream in = found.nextElement().openStream()) {
                    properties.load(in);
                }
                flavors.add(properties.getProperty("flavor", "?"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (flavors.size() != 1) {
            throw new IllegalStateException("the class path holds " + flavors.size() + " libtorch native builds "
                    + flavors + ", not one");
        }
        return flavors.get(0);
    }

    /** True when the libtorch on the class path is a CUDA build (the {@code -Pgpu} build of the harness). */
    public static boolean isCudaBuild() {
        return libtorchFlavor().startsWith("cu");
    }

    /**
     * The CUDA version of a CUDA build's flavour, e.g. {@code 12.4} for {@code cu124}.
     *
     * @throws IllegalStateException for a CPU build
     */
    public static String cudaVersion() {
        String flavor = libtorchFlavor();
        if (!flavor.matches("cu\\d{3}")) {
            throw new IllegalStateException("libtorch here is the " + flavor + " build, not a CUDA one");
        }
        return flavor.substring(2, 4) + "." + flavor.substring(4);
    }

    /**
     * True when the ONNX Runtime on the class path is its GPU build ({@code onnxruntime_gpu}), which
     * carries the CUDA execution provider; false for the CPU build ({@code onnxruntime}).
     */
    public static boolean onnxRuntimeHasCuda() {
        return NativeBuild.class.getClassLoader().getResource(ONNX_RUNTIME_CUDA_PROVIDER) != null;
    }

    /**
     * The files of the shared libraries this process has mapped whose names contain {@code part}
     * (from {@code /proc/self/maps}), e.g. {@code libcuda.so} for the CUDA driver; empty where that
     * file cannot be read.
     */
    public static List<Path> loadedLibraries(String part) {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.UTF_8).stream()
                    .map(line -> line.indexOf('/') < 0 ? "" : line.substring(line.indexOf('/')))
                    .filter(file -> Path.of(file.isEmpty() ? "." : file).getFileName().toString().contains(part))
                    .distinct().map(Path::of).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
