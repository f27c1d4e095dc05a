package org.glamibench.isolation;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glamibench.adapter.AdapterContext;

/**
 * The command line of an adapter's child JVM: this JDK's {@code java} with the harness's class
 * path and {@link AdapterHost} as the main class, the heap limit, an exit on the first
 * {@link OutOfMemoryError} (so that a model out of memory ends its child rather than limping on),
 * the JVM's own log messages on standard error (standard output carries the protocol), and, with
 * the sandbox, all of it inside bubblewrap.
 */
final class ChildCommand {
    /** The name of a child's crash report (outside the sandbox: in the temporary folder), for its pid. */
    private static final String CRASH_REPORT = "glami-bench-adapter-hs_err_pid%s.log";

    private ChildCommand() {
    }

    /** Where a child JVM of this pid writes its crash report; null for a sandboxed child (its /tmp is gone). */
    static Path crashReport(ChildSettings settings, long pid) {
        return settings.sandbox() ? null : Path.of(System.getProperty("java.io.tmpdir"), CRASH_REPORT.formatted(pid));
    }

    /**
     * The command; it runs in the harness's working folder, or in the sandbox's {@code /tmp}.
     *
     * @param context the adapter's context (its cache is shown to the sandbox, its train CSV
     *                mapped into it); null when the child only lists the jar's adapters
     * @throws IllegalArgumentException when the sandbox cannot run here or would show a hidden
     *                                  folder
     */
    static List<String> of(ChildSettings settings, Path jar, AdapterContext context) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Path> classPath = classPath();
        List<String> java = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(),
                "-Xmx" + settings.heap(), "-XX:+ExitOnOutOfMemoryError", "-XX:-CreateCoredumpOnCrash",
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr", "-Djava.awt.headless=true"));
        if (!settings.sandbox()) {
            java.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), CRASH_REPORT.formatted("%p")));
            java.addAll(List.of("-cp", join(classPath), AdapterHost.class.getName(), jar.toString()));
            return java;
        }
        Path absoluteJar = jar.toAbsolutePath().normalize();
        java.addAll(List.of("-Djava.io.tmpdir=/tmp", "-XX:ErrorFile=/tmp/hs_err_pid%p.log", "-cp", join(classPath),
                AdapterHost.class.getName(), absoluteJar.toString()));
        Path cacheDir = context == null ? null : context.cacheDir();
        Path trainCsv = context == null ? null : context.trainCsv().orElse(null);
        return Sandbox.command(javaHome, classPath, absoluteJar, cacheDir, trainCsv, settings.hidden(), java);
    }

    /**
     * The context as the child sees it: in the sandbox (whose working folder is {@code /tmp}) the
     * cache at its absolute path, the train CSV at {@link Sandbox#TRAIN_CSV}.
     */
    static AdapterContext inChild(ChildSettings settings, AdapterContext context) {
        if (!settings.sandbox()) {
            return context;
        }
        return new AdapterContext(context.classIndex(), context.device(), context.cacheDir().toAbsolutePath().normalize(),
                context.options(), context.seed(), context.trainCsv().map(train -> Sandbox.TRAIN_CSV));
    }

    /** This JVM's class path, absolute, without entries that do not exist. */
    private static List<Path> classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize())
                .filter(Files::exists)
                .distinct()
                .toList();
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
