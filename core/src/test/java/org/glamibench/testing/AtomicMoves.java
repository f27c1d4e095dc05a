package org.glamibench.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.StandardCopyOption;

/**
 * Files and folders are put in place atomically in one place only,
 * {@code org.glamibench.files.AtomicFiles}, which also makes the result durable (the file forced
 * before the rename, the folder after it).
 */
public final class AtomicMoves {
    private AtomicMoves() {
    }

    /**
     * Checks the main class files of every module on the caller's class path (test classes and test
     * jars left out): none outside {@code org.glamibench.files} uses {@link StandardCopyOption#ATOMIC_MOVE}.
     *
     * @throws AssertionError naming each use found
     */
    public static void assertOnlyTheFilesPackageMovesAtomically() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.glamibench");
        noClasses().that().resideOutsideOfPackage("org.glamibench.files")
                .should().accessField(StandardCopyOption.class, "ATOMIC_MOVE")
                .because("org.glamibench.files.AtomicFiles forces the file before the move and the folder after it")
                .check(main);
    }
}
