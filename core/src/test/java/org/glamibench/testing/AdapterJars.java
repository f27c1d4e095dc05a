package org.glamibench.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.glamibench.files.FileTrees;
import org.glamibench.testing.ProjectRoot;
import org.glamibench.adapter.ModelAdapter;

/**
 * Adapter jars as a third party makes them, built by the tests: the sources under
 * {@code src/test/resources/adapters/<name>/} are compiled at test time with the JDK's compiler
 * against the test class path (so they are on no class path the harness knows), packed into a jar
 * with a {@code META-INF/services} entry, and kept under {@code target/test-adapter-jars/}. Each
 * jar is built once per JVM.
 */
public final class AdapterJars {
    /** The adapters of {@link #scripted()}. */
    public static final String SCRIPTED = "scripted";
    public static final String SCRIPTED_LOGITS = "scripted-logits";
    public static final String SCRIPTED_IMAGE = "scripted-image";

    private static final Map<String, Path> BUILT = new HashMap<>();

    private AdapterJars() {
    }

    /**
     * {@code scripted} (TEXT, probabilities), {@code scripted-logits} (TEXT, logits) and
     * {@code scripted-image} (IMAGE): each item's name says which category they guess
     * ({@code guess=<category>}, probability 0.5, the rest spread evenly) and which contract
     * violation they commit on it ({@code break=count|length|nan|inf|negative|sum|above1|throw|prepare}).
     * The system property {@code scripted.sleep-ms} pauses each predict call.
     */
    public static Path scripted() {
        return build("scripted", "org.example.scripted.ScriptedAdapter", "org.example.scripted.ScriptedLogitsAdapter",
                "org.example.scripted.ScriptedImageAdapter");
    }

    /**
     * Adapters that misbehave, each on the items whose name holds {@code break=hostile} (and score
     * the others as {@link #scripted()} does, without breaking): {@code hostile-throw} (predict
     * throws), {@code hostile-nan} (a NaN score), {@code hostile-exit} ({@code System.exit(7)}),
     * {@code hostile-hang} (predict never returns), {@code hostile-oom} (allocates until the heap
     * is full), {@code hostile-garbage} (writes to the real standard output), {@code hostile-crash}
     * (a native crash: writes to address 0); {@code hostile-by-position} (scores by position in the
     * batch, on every item), {@code hostile-drift} (other scores on every call); and
     * {@code hostile-snoop}, which tries to read the test split (option {@code peek}, and beside
     * the train CSV) and to connect to {@code call=HOST:PORT}, reports on standard error, and
     * scores with the labels it found; {@code hostile-once}, which fails only the first time (option
     * {@code marker=FILE}, created then; {@code fault=exit} ends its JVM, {@code fault=interrupt}
     * interrupts its caller's thread).
     */
    public static Path hostile() {
        return build("hostile", "org.example.hostile.ThrowingAdapter", "org.example.hostile.NanAdapter",
                "org.example.hostile.ExitingAdapter", "org.example.hostile.HangingAdapter",
                "org.example.hostile.HoardingAdapter", "org.example.hostile.GarbageAdapter",
                "org.example.hostile.CrashingAdapter", "org.example.hostile.PositionAdapter",
                "org.example.hostile.DriftingAdapter", "org.example.hostile.SnoopingAdapter",
                "org.example.hostile.OnceAdapter");
    }

    /**
     * The example adapter project {@code examples/adapter-example/} built as its {@code mvn package}
     * would: its {@code src/main/java} compiled against the API artifact alone, its {@code src/main/resources}
     * (the {@code META-INF/services} file among them) packed beside the classes.
     */
    public static synchronized Path example() {
        Path built = BUILT.get("example");
        if (built != null) {
            return built;
        }
        Path project = ProjectRoot.resolve("examples/adapter-example");
        try {
            Path work = targetFolder().resolve("test-adapter-jars").resolve("example");
            FileTrees.delete(work);
            Path classes = Files.createDirectories(work.resolve("classes"));
            compile(project.resolve("src/main/java"), classes, apiClassPath());
            copyTree(project.resolve("src/main/resources"), classes);
            Path jar = work.resolve("glami-bench-adapter-example.jar");
            writeJar(classes, List.of(), jar);
            BUILT.put("example", jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar whose adapter calls itself {@code prior}, the name of a built-in. */
    public static Path impostor() {
        return build("impostor", "org.example.impostor.PriorImpostor");
    }

    /** A jar with a class and no adapter service. */
    public static Path withoutAdapter() {
        return build("none");
    }

    private static synchronized Path build(String name, String... services) {
        Path built = BUILT.get(name);
        if (built != null) {
            return built;
        }
        try {
            Path sources = ProjectRoot.resolve("core/src/test/resources/adapters").resolve(name);
            Path work = targetFolder().resolve("test-adapter-jars").resolve(name);
            FileTrees.delete(work);
            Path classes = Files.createDirectories(work.resolve("classes"));
            compile(sources, classes, System.getProperty("java.class.path"));
            Path jar = work.resolve(name + "-adapter.jar");
            writeJar(classes, List.of(services), jar);
            BUILT.put(name, jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The API artifact and Jackson out of the test class path: what an adapter author compiles
     * against, so that an import of a harness class fails the example's build here as it would there.
     */
    private static String apiClassPath() {
        String separator = System.getProperty("path.separator");
        List<String> entries = Stream.of(System.getProperty("java.class.path").split(separator))
                .filter(entry -> {
                    String path = entry.replace('\\', '/');
                    return path.contains("/glami-bench-api-") || path.endsWith("/api/target/classes")
                            || path.contains("/com/fasterxml/jackson/");
                })
                .toList();
        if (entries.stream().noneMatch(entry -> !entry.contains("jackson"))) {
            throw new IllegalStateException("the API artifact is not on the test class path: "
                    + System.getProperty("java.class.path"));
        }
        return String.join(separator, entries);
    }

    private static void compile(Path sources, Path classes, String classPath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("these tests need a JDK (no system Java compiler in "
                    + System.getProperty("java.home") + ")");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none",
                    "-classpath", classPath, "-sourcepath", sources.toString(),
                    "-d", classes.toString());
            Boolean ok = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("cannot compile the test adapters in " + sources + ": "
                        + diagnostics.getDiagnostics());
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }

    private static void writeJar(Path classes, List<String> services, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(classes)) {
            classFiles = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path classFile : classFiles) {
                out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
            if (!services.isEmpty()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + ModelAdapter.class.getName()));
                out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    /** The build folder of the module whose tests run ({@code target/} in the working directory). */
    private static Path targetFolder() {
        return Path.of("target").toAbsolutePath();
    }
}
