package org.glamibench.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package graph's cycle check: no two packages of the harness depend on each other, directly or
 * round a longer loop, each package a slice of its own.
 */
public final class PackageCycles {
    private PackageCycles() {
    }

    /**
     * Checks the main class files of every module on the caller's class path (test classes and test
     * jars left out).
     *
     * @throws AssertionError naming each cycle found
     */
    public static void assertNone() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.glamibench");
        slices().matching("org.glamibench.(**)").should().beFreeOfCycles().check(main);
    }
}
