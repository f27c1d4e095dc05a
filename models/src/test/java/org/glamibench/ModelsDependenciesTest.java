package org.glamibench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.glamibench.models.train.ModelTrainer;
import org.junit.jupiter.api.Test;

/** The dependency rules of the models module, checked over its class files. */
class ModelsDependenciesTest {

    @Test
    void theTrainerDoesNotDependOnTheRunPackage() {
        noClasses().that().resideInAPackage("org.glamibench.models.train..")
                .should().dependOnClassesThat().resideInAPackage("org.glamibench.run..")
                .because("training makes model folders, not evaluation runs; its JSON and file helpers are in"
                        + " org.glamibench.files")
                .check(new ClassFileImporter()
                        .importUrl(ModelTrainer.class.getProtectionDomain().getCodeSource().getLocation()));
    }
}
