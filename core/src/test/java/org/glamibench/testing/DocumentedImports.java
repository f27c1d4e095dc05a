package org.glamibench.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks that every main package of some modules says what it may import, and says it truly: the
 * javadoc of its {@code package-info.java} ends with the paragraph
 * {@code <p>May import: org.glamibench.a, org.glamibench.b.} (the harness packages its classes depend
 * on, sorted, itself left out) or {@code <p>May import: no other package of the harness.}, and the
 * package's main class files, read with ArchUnit from the class path, depend on exactly those
 * packages of {@code org.glamibench}.
 *
 * <p>A class belongs to the module whose {@code src/main/java} holds its source file, and a package
 * is checked per module: the two halves of a package split over two modules are checked apart. A half
 * without a package-info of its own (its package's documentation lives in the other module) states
 * its permissions to {@link #problems} instead. Classes without a source in a checked module (other
 * modules, generated code) are not checked.
 */
public final class DocumentedImports {
    /** What the paragraph says of a package that depends on no other package of the harness. */
    public static final String NONE = "no other package of the harness";

    private static final String HARNESS = "org.glamibench";
    private static final String PARAGRAPH = "<p>May import: ";
    private static final Pattern PACKAGE_NAME = Pattern.compile("org\\.glamibench(\\.[a-z][a-z0-9_]*)+");

    private DocumentedImports() {
    }

    /**
     * Everything wrong with the documented imports of the given modules' main packages, one line per
     * package, naming the package, its module and the difference; empty when all is true.
     *
     * @param modules     module folders relative to the checkout's root, e.g. {@code core}, whose main
     *                    classes are on the class path
     * @param splitHalves for a package half without a package-info of its own, keyed
     *                    {@code module:package} (e.g. {@code core:org.glamibench.dataset}), the harness
     *                    packages it may import
     */
    public static List<String> problems(List<String> modules, Map<String, Set<String>> splitHalves) {
        Map<String, Set<String>> imports = importsPerModulePackage(modules);
        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            if (imports.keySet().stream().noneMatch(key -> key.startsWith(module + ":"))) {
                problems.add(module + ": no main class of this module on the class path");
            }
        }
        for (String key : splitHalves.keySet()) {
            if (!imports.containsKey(key)) {
                problems.add(key + ": stated as a split package half, but the module has no classes there");
            }
        }
        imports.forEach((key, actual) -> {
            String module = key.substring(0, key.indexOf(':'));
            String pkg = key.substring(key.indexOf(':') + 1);
            String where = pkg + " (" + module + ")";
            Path packageInfo = sourceRoot(module).resolve(pkg.replace('.', '/')).resolve("package-info.java");
            Set<String> allowed;
            if (Files.isRegularFile(packageInfo)) {
                if (splitHalves.containsKey(key)) {
                    problems.add(where + ": has a package-info.java, so its permissions belong there, not in the test");
                    return;
                }
                try {
                    allowed = documented(packageInfo, pkg);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage() + "; it should end with " + paragraph(actual));
                    return;
                }
            } else if (splitHalves.containsKey(key)) {
                allowed = splitHalves.get(key);
            } else {
                problems.add(where + ": no package-info.java; it must end with " + paragraph(actual));
                return;
            }
            Set<String> unpermitted = new TreeSet<>(actual);
            unpermitted.removeAll(allowed);
            Set<String> stale = new TreeSet<>(allowed);
            stale.removeAll(actual);
            if (!unpermitted.isEmpty() || !stale.isEmpty()) {
                problems.add(where + ": imports without permission " + unpermitted + ", permitted but not imported "
                        + stale + "; the paragraph should read " + paragraph(actual));
            }
        });
        return problems;
    }

    /** The closing paragraph that permits exactly {@code packages}. */
    public static String paragraph(Set<String> packages) {
        return PARAGRAPH + (packages.isEmpty() ? NONE : String.join(", ", new TreeSet<>(packages))) + ".";
    }

    /** The harness packages the main classes of each module's packages depend on, keyed {@code module:package}. */
    private static Map<String, Set<String>> importsPerModulePackage(List<String> modules) {
        Map<String, Set<String>> imports = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(HARNESS)) {
            Optional<String> module = moduleOf(type, modules);
            if (module.isEmpty()) {
                continue;
            }
            Set<String> targets = imports.computeIfAbsent(module.get() + ":" + type.getPackageName(),
                    key -> new TreeSet<>());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                if ((target.equals(HARNESS) || target.startsWith(HARNESS + "."))
                        && !target.equals(type.getPackageName())) {
                    targets.add(target);
                }
            }
        }
        return imports;
    }

    /** The module among {@code modules} whose main sources hold the source file of {@code type}. */
    private static Optional<String> moduleOf(JavaClass type, List<String> modules) {
        Optional<String> fileName = type.getSource().flatMap(Source::getFileName);
        if (fileName.isEmpty()) {
            return Optional.empty();
        }
        String relative = type.getPackageName().replace('.', '/') + "/" + fileName.get();
        return modules.stream().filter(module -> Files.isRegularFile(sourceRoot(module).resolve(relative))).findFirst();
    }

    private static Path sourceRoot(String module) {
        return ProjectRoot.resolve(module).resolve("src/main/java");
    }

    /**
     * The packages the closing paragraph of a package-info's javadoc permits.
     *
     * @throws IllegalArgumentException saying what is wrong when there is no such paragraph or it is malformed
     */
    private static Set<String> documented(Path packageInfo, String pkg) {
        String text = javadocText(packageInfo);
        int start = text.lastIndexOf(PARAGRAPH);
        if (start < 0) {
            throw new IllegalArgumentException("its package-info's javadoc has no \"" + PARAGRAPH + "...\" paragraph");
        }
        String list = text.substring(start + PARAGRAPH.length()).strip();
        if (!list.endsWith(".") || list.contains("<")) {
            throw new IllegalArgumentException("\"" + PARAGRAPH + "...\" must be the last paragraph of its javadoc,"
                    + " ended by a full stop");
        }
        list = list.substring(0, list.length() - 1);
        if (list.equals(NONE)) {
            return Set.of();
        }
        List<String> names = Arrays.asList(list.split(", "));
        for (String name : names) {
            if (!PACKAGE_NAME.matcher(name).matches() || name.equals(pkg)) {
                throw new IllegalArgumentException("\"" + name + "\" is not another package of the harness; the list is"
                        + " comma-separated package names, or \"" + NONE + "\"");
            }
        }
        Set<String> sorted = new TreeSet<>(names);
        if (!new ArrayList<>(sorted).equals(names)) {
            throw new IllegalArgumentException("the packages it may import must be listed once each, sorted");
        }
        return sorted;
    }

    /** The text of the first javadoc comment of a file: lines without their leading {@code *}, joined by spaces. */
    private static String javadocText(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int open = source.indexOf("/**");
        int close = source.indexOf("*/", open + 3);
        if (open < 0 || close < 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : source.substring(open + 3, close).split("\n", -1)) {
            String stripped = line.strip();
            text.append(stripped.startsWith("*") ? stripped.substring(1).strip() : stripped).append(' ');
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
