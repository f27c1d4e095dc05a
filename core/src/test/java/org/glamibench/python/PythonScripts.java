package org.glamibench.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glamibench.testing.ProjectRoot;

/**
 * Runs the reference scripts of the modules ({@code <module>/src/test/python}, each beside the tests that
 * use it, found by name from any module) with Debian's {@code /usr/bin/python3}
 * (python3-torch, python3-torchvision, python3-sentencepiece, installed by {@code .ci/run}). A parity
 * test never skips: a missing interpreter or module, or a script that fails, fails the test with the
 * script's output.
 */
public final class PythonScripts {
    /** Debian's interpreter, which sees the python3-* packages. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<String> MODULES = List.of("core", "sample", "models", "cli");
    private static final long TIMEOUT_MINUTES = 10;

    private PythonScripts() {
    }

    /**
     * Runs {@code script} with {@code args}; returns its standard output.
     *
     * @throws AssertionError when Python is missing, or the script fails or runs over 10 minutes
     */
    public static String run(String script, String... args) {
        Path file = locate(script);
        if (!Files.isExecutable(PYTHON)) {
            throw new AssertionError(PYTHON + " is missing: install Debian's python3-torch, python3-torchvision and"
                    + " python3-sentencepiece (as .ci/run does) to run this parity test");
        }
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no script " + file.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("python-", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(false)
                        .redirectError(log.toFile()).start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " ran over " + TIMEOUT_MINUTES + " minutes");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                            + Files.readString(log, StandardCharsets.UTF_8) + new String(out, StandardCharsets.UTF_8));
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + file, e);
        }
    }

    private static Path locate(String script) {
        Path root = ProjectRoot.get();
        for (String module : MODULES) {
            Path file = root.resolve(module).resolve("src/test/python").resolve(script);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return root.resolve("core/src/test/python").resolve(script);
    }
}
