package org.glamibench.isolation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The bubblewrap ({@code bwrap}) sandbox of an adapter's child JVM: new network, PID, IPC and UTS
 * namespaces (no network at all, not even the host's loopback), an empty root in which only the
 * system libraries ({@code /usr} and the {@code /lib} links), the JDK, the harness's class path and
 * the adapter jar are visible read-only, the adapters' cache read-write, the train split's CSV
 * read-only at {@link #TRAIN_CSV}, and a fresh {@code /tmp}. The dataset folder, the run folders
 * and the rest of the host's files are absent; the environment is cleared. The child dies with
 * the harness.
 */
final class Sandbox {
    /** Where the sandbox shows the train split's CSV (the only file of the dataset it shows). */
    static final Path TRAIN_CSV = Path.of("/glami-bench/GLAMI-1M-train.csv");

    private static final List<String> SYSTEM_LINKS = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    private static volatile Optional<String> problem;

    /** What is shown: each destination path and its source, read-only unless writable. */
    private final Map<Path, Bind> binds = new LinkedHashMap<>();
    private final List<String> links = new ArrayList<>();

    private record Bind(Path source, boolean writable) {
    }

    private Sandbox() {
    }

    /**
     * Why no sandbox can run here (bwrap missing, or unable to create namespaces), or empty when it
     * can. Tried once per JVM.
     */
    static Optional<String> problem() {
        Optional<String> known = problem;
        if (known == null) {
            known = probe();
            problem = known;
        }
        return known;
    }

    /**
     * The command that runs {@code java} inside the sandbox.
     *
     * @param javaHome  the JDK's folder, shown read-only
     * @param classPath the harness's class path entries, shown read-only at their own paths
     * @param jar       the adapter jar, shown read-only at its own (absolute) path
     * @param cacheDir  the adapters' cache, shown read-write at its own path; null for none
     * @param trainCsv  the train split's CSV, shown at {@link #TRAIN_CSV}; null for none
     * @param hidden    folders that must stay invisible
     * @param java      the java command line to run inside
     * @throws IllegalArgumentException when a hidden folder lies inside a folder the sandbox shows
     */
    static List<String> command(Path javaHome, List<Path> classPath, Path jar, Path cacheDir, Path trainCsv,
                                List<Path> hidden, List<String> java) {
        problem().ifPresent(why -> {
            throw new IllegalArgumentException("--sandbox: " + why);
        });
        Sandbox sandbox = new Sandbox();
        sandbox.showSystem();
        sandbox.showJdk(javaHome);
        classPath.forEach(entry -> sandbox.show(entry, entry, "the harness's class path entry"));
        sandbox.show(jar, jar, "the adapter jar");
        if (cacheDir != null) {
            try {
                Files.createDirectories(cacheDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the adapters' cache " + cacheDir, e);
            }
            sandbox.binds.put(cacheDir.toAbsolutePath().normalize(), new Bind(real(cacheDir), true));
        }
        if (trainCsv != null) {
            sandbox.binds.put(TRAIN_CSV, new Bind(real(trainCsv), false));
        }
        sandbox.checkHidden(hidden);

        List<String> command = new ArrayList<>(List.of(bwrap(), "--unshare-all", "--die-with-parent", "--new-session",
                "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG",
                "C.UTF-8", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        command.addAll(sandbox.links);
        sandbox.binds.forEach((destination, bind) -> command.addAll(List.of(bind.writable() ? "--bind" : "--ro-bind",
                bind.source().toString(), destination.toString())));
        command.addAll(List.of("--chdir", "/tmp", "--"));
        command.addAll(java);
        return command;
    }

    private void showSystem() {
        show(Path.of("/usr"), Path.of("/usr"), "the system libraries");
        for (String name : SYSTEM_LINKS) {
            Path path = Path.of(name);
            if (Files.isSymbolicLink(path)) {
                try {
                    links.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isDirectory(path)) {
                show(path, path, "the system libraries");
            }
        }
        Path linkerCache = Path.of("/etc/ld.so.cache");
        if (Files.isRegularFile(linkerCache)) {
            show(linkerCache, linkerCache, "the linker cache");
        }
    }

    /**
     * Shows the JDK and whatever its symbolic links point to outside it (Debian's JDK links its
     * {@code conf} files and CA certificates into {@code /etc}).
     */
    private void showJdk(Path javaHome) {
        Path home = real(javaHome);
        if (!shown(home)) {
            show(home, home, "the JDK");
        }
        List<Path> symlinks;
        try (Stream<Path> walk = Files.walk(home)) {
            symlinks = walk.filter(Files::isSymbolicLink).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the JDK in " + home, e);
        }
        for (Path link : symlinks) {
            try {
                Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
                if (Files.exists(target) && !shown(target)) {
                    show(target, target, "a file the JDK links to");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the JDK's link " + link, e);
            }
        }
    }

    private boolean shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return binds.keySet().stream().anyMatch(absolute::startsWith);
    }

    private void show(Path source, Path destination, String what) {
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("--sandbox: " + what + " " + source + " does not exist");
        }
        binds.put(destination.toAbsolutePath().normalize(), new Bind(real(source), false));
    }

    private void checkHidden(List<Path> hidden) {
        for (Path secret : hidden) {
            if (!Files.exists(secret)) {
                continue;
            }
            Path realSecret = real(secret);
            binds.forEach((destination, bind) -> {
                if (Files.isDirectory(bind.source()) && realSecret.startsWith(bind.source())) {
                    throw new IllegalArgumentException("the sandbox: " + secret + " lies inside " + bind.source()
                            + ", which the sandbox has to show; move it elsewhere (or give the adapters another"
                            + " --cache, or run with --no-sandbox)");
                }
            });
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("--sandbox: cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }

    private static String bwrap() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator, -1)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, "bwrap");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    private static Optional<String> probe() {
        String bwrap = bwrap();
        if (bwrap == null) {
            return Optional.of("bubblewrap is missing: no bwrap on the PATH");
        }
        try {
            Process process = new ProcessBuilder(bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/",
                    "true").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(bwrap + " did not start a sandbox within 30 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of(bwrap + " cannot create a sandbox here (" + output + ")");
        } catch (IOException e) {
            return Optional.of("cannot run " + bwrap + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying " + bwrap);
        }
    }
}
