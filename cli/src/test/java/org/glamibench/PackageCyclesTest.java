package org.glamibench;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No two packages of the harness depend on each other, directly or round a longer loop: checked over
 * the main class files of every module on the command line's class path (api, core, sample, models,
 * cli), each package a slice of its own.
 */
class PackageCyclesTest {

    @Test
    void thePackagesOfAllModulesFormNoCycle() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.glamibench");

        slices().matching("org.glamibench.(**)").should().beFreeOfCycles().check(main);
    }
}
