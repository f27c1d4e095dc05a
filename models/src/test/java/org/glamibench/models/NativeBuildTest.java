package org.glamibench.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which native builds the engines carry and load. The default build: the CPU ones only, so plain
 * {@code mvn verify} never needs (nor downloads) the CUDA jars. The GPU build ({@code mvn -Pgpu},
 * tests tagged {@code gpu-build}, run only there): the CUDA libtorch and ONNX Runtime's GPU build.
 */
class NativeBuildTest {

    private static List<String> classPathJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString()).toList();
    }

    @Test
    void theDefaultBuildCarriesTheCpuNativesOnly() {
        assertThat(classPathJars()).noneMatch(jar -> jar.startsWith("pytorch-native-cu"))
                .noneMatch(jar -> jar.startsWith("onnxruntime_gpu"))
                .contains("pytorch-native-cpu-2.7.1-linux-x86_64.jar", "onnxruntime-1.21.1.jar");
        assertThat(NativeBuild.libtorchFlavor()).isEqualTo("cpu");
        assertThat(NativeBuild.isCudaBuild()).isFalse();
        assertThat(NativeBuild.onnxRuntimeHasCuda()).isFalse();
        assertThat(Engine.getInstance().getVersion()).isEqualTo("2.7.1");
        assertThat(NativeBuild.loadedLibraries("libtorch_cpu.so")).hasSize(1);
        assertThat(NativeBuild.loadedLibraries("libtorch_cuda")).isEmpty();
    }

    @Tag("gpu-build")
    @Test
    void theGpuBuildLoadsTheCudaLibtorchAndOnnxRuntimesGpuBuild() throws ClassNotFoundException {
        assertThat(classPathJars()).noneMatch(jar -> jar.startsWith("pytorch-native-cpu"))
                .noneMatch(jar -> jar.startsWith("onnxruntime-1"))
                .contains("pytorch-native-cu124-2.5.1-linux-x86_64.jar", "pytorch-jni-2.5.1-0.33.0.jar",
                        "onnxruntime_gpu-1.20.0.jar");
        assertThat(NativeBuild.libtorchFlavor()).isEqualTo("cu124");
        assertThat(NativeBuild.cudaVersion()).isEqualTo("12.4");
        assertThat(NativeBuild.onnxRuntimeHasCuda()).isTrue();

        Engine pytorch = Engine.getInstance();
        assertThat(pytorch.getEngineName()).isEqualTo("PyTorch");
        assertThat(pytorch.getVersion()).isEqualTo("2.5.1");
        assertThat(Engine.getDjlVersion()).isEqualTo("0.33.0");
        // What the engine loaded: libtorch's CUDA library, from the unpacked CUDA build.
        assertThat(NativeBuild.loadedLibraries("libtorch_cuda.so")).singleElement()
                .satisfies(file -> assertThat(file.getParent().getFileName().toString()).contains("cu124"));
        assertThat(NativeBuild.loadedLibraries("libc10_cuda.so")).hasSize(1);

        // DJL's ONNX Runtime engine names the version it was built against (1.21.1), not the one loaded:
        // what runs is the runtime of the jar its classes come from, and the library that jar unpacked.
        assertThat(Engine.getEngine("OnnxRuntime").getEngineName()).isEqualTo("OnnxRuntime");
        Path ortJar = Path.of(Class.forName("ai.onnxruntime.OrtEnvironment").getProtectionDomain().getCodeSource()
                .getLocation().getPath());
        assertThat(ortJar.getFileName().toString()).isEqualTo("onnxruntime_gpu-1.20.0.jar");
        assertThat(NativeBuild.loadedLibraries("libonnxruntime.so")).hasSize(1);
    }
}
