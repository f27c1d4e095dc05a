package org.glamibench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.eval.Evaluator;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the two lower modules, checked over their class files: the API needs
 * nothing of the harness (JDK, Jackson and its own four packages only); the evaluation core
 * imports neither the trainer and models, the sample generator, nor the command line; and within
 * the core, the prediction store knows nothing of the metrics computed from it, and the evaluator
 * nothing of how an adapter is isolated.
 */
class CoreDependenciesTest {

    /** The packages of the modules above the core: none may be imported by it. */
    static final String[] ABOVE_CORE = {"org.glamibench.models..", "org.glamibench.adapter.baseline..",
            "org.glamibench.adapter.exported..", "org.glamibench.published..", "org.glamibench.torch..",
            "org.glamibench.mt5..", "org.glamibench.sentencepiece..", "org.glamibench.onnx..",
            "org.glamibench.sample..", "org.glamibench.cli..", "org.glamibench.leaderboard..",
            "org.glamibench.benchmarks.."};

    @Test
    void theEvaluationCoreImportsNeitherTheTrainerTheSampleGeneratorNorTheCli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(ABOVE_CORE)
                .because("the evaluation core is below the trainer, the sample generator and the CLI")
                .check(classesOf(Evaluator.class));
    }

    @Test
    void theStoreDoesNotDependOnTheMetrics() {
        noClasses().that().resideInAPackage("org.glamibench.store..")
                .should().dependOnClassesThat().resideInAPackage("org.glamibench.metrics..")
                .because("the store keeps predictions; metrics are computed from them, not the other way round")
                .check(classesOf(Evaluator.class));
    }

    @Test
    void theEvaluatorDoesNotDependOnTheIsolationLayer() {
        noClasses().that().resideInAPackage("org.glamibench.eval..")
                .should().dependOnClassesThat().resideInAPackage("org.glamibench.isolation..")
                .because("the evaluator treats every adapter alike; a failed isolated call is a"
                        + " registry.AdapterCallException")
                .check(classesOf(Evaluator.class));
    }

    @Test
    void theApiNeedsOnlyTheJdkJacksonAndItself() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        "org.glamibench.adapter", "org.glamibench.dataset", "org.glamibench.image",
                        "org.glamibench.progress")
                .because("glami-bench-api is all an adapter author compiles against")
                .check(classesOf(ModelAdapter.class));
    }

    /** The main classes of the module (class folder or jar) that holds {@code type}. */
    private static JavaClasses classesOf(Class<?> type) {
        return new ClassFileImporter().importUrl(type.getProtectionDomain().getCodeSource().getLocation());
    }
}
