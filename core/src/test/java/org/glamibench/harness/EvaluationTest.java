package org.glamibench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.builtin.PriorAdapter;
import org.glamibench.eval.EvaluationException;
import org.glamibench.eval.Evaluator;
import org.glamibench.eval.TestDataset;
import org.glamibench.isolation.IsolatedAdapters;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.registry.Isolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
    private static final AdapterRegistry.Entry PRIOR = new AdapterRegistry.Entry(new PriorAdapter().descriptor(), null,
            Isolation.IN_PROCESS, PriorAdapter::new);

    @TempDir
    Path temp;

    private final StringWriter log = new StringWriter();
    private final ProgressOutput progress = new ProgressOutput(new PrintWriter(log, true), false);

    @Test
    void anEvaluationWritesItsRunFolderAndAsksForForceToRedoIt() throws Exception {
        Path data = TestDataset.write(temp.resolve("data"), TestDataset.items(20));
        Evaluation.Builder builder = Evaluation.builder(PRIOR).data(data).out(temp.resolve("runs")).runId("p")
                .cache(temp.resolve("cache")).batch(6);

        Evaluator.Outcome outcome = builder.build().run(progress);

        assertThat(outcome.runDir()).isEqualTo(temp.resolve("runs").resolve("p"));
        assertThat(outcome.runDir().resolve("run.json")).isRegularFile();
        assertThat(outcome.result().adapter().name()).isEqualTo("prior");
        assertThat(outcome.result().dataset().scoredRows()).isEqualTo(20);
        // prior always picks category 22, the largest train class: items 2, 9 and 16 of the 20 are 22s.
        assertThat(outcome.result().metrics().get("top1")).isEqualTo(3 / 20.0);
        assertThatThrownBy(() -> builder.build().run(progress)).isInstanceOf(EvaluationException.class);
        assertThat(builder.force(true).build().run(progress).result().dataset().scoredRows()).isEqualTo(20);
    }

    @Test
    void aLimitOrSubsetIsTakenAndTheDefaultRunIdNamesIt() throws Exception {
        Path data = TestDataset.write(temp.resolve("data"), TestDataset.items(20));

        Evaluator.Outcome outcome = Evaluation.builder(PRIOR).data(data).out(temp.resolve("runs"))
                .cache(temp.resolve("cache")).limit(5).build().run(progress);

        assertThat(outcome.result().dataset().scoredRows()).isEqualTo(5);
        assertThat(outcome.runDir().getFileName().toString()).startsWith("prior-test-").endsWith("-limit5");
    }

    @Test
    void settingsOutOfRangeAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> Evaluation.builder("prior").limit(5).subset(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--limit and --subset exclude each other");
        assertThatThrownBy(() -> Evaluation.builder("prior").batch(0).build())
                .hasMessage("--batch must be at least 1, got 0");
        assertThatThrownBy(() -> Evaluation.builder("prior").threads(0).build())
                .hasMessage("--threads must be at least 1, got 0");
        assertThatThrownBy(() -> Evaluation.builder("prior").limit(0).build())
                .hasMessage("--limit must be at least 1, got 0");
    }

    @Test
    void anUnknownAdapterNameIsAClearError() throws Exception {
        Path data = TestDataset.write(temp.resolve("data"), TestDataset.items(4));
        Evaluation evaluation = Evaluation.builder("no-such-adapter").data(data).out(temp.resolve("runs"))
                .cache(temp.resolve("cache")).build();

        assertThatThrownBy(() -> evaluation.run(progress)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no adapter named 'no-such-adapter'; available: ");
        assertThat(temp.resolve("runs")).doesNotExist();
    }

    @Test
    void theCacheDefaultsToTheEnvironmentsOrTheHomeFolder() {
        assertThat(Evaluation.defaultCache(Map.of("GLAMI_BENCH_CACHE", "/some/cache"))).isEqualTo(Path.of("/some/cache"));
        assertThat(Evaluation.defaultCache(Map.of("GLAMI_BENCH_CACHE", " ")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "glami-bench"));
    }

    @Test
    void aSandboxRunsOnlyJarAdaptersAndOnlyOnTheCpu() {
        IsolationSettings sandbox = new IsolationSettings(IsolationSettings.Mode.SANDBOX, "1g", 60);

        assertThatThrownBy(() -> sandbox.check(PRIOR))
                .hasMessage("--sandbox runs adapters from --adapter-jar; prior is built in");
        assertThatThrownBy(() -> sandbox.checkUsage(DeviceSpec.parse("gpu")))
                .hasMessage("--sandbox runs adapters on the CPU only: it shows no GPU device");
        assertThat(sandbox.describe(Isolation.Level.CHILD_SANDBOX)).isEqualTo("in a sandboxed child JVM (heap 1g)");
        assertThat(IsolationSettings.DEFAULT.describe(Isolation.Level.CHILD)).isEqualTo("in a child JVM (heap 512m)");
        assertThat(IsolationSettings.IN_PROCESS.describe(Isolation.Level.IN_PROCESS)).isEqualTo("in process");
    }

    @Test
    void theDefaultSandboxesWherePossibleAndRunsBuiltInsInProcess() {
        IsolationSettings byDefault = IsolationSettings.DEFAULT;

        byDefault.check(PRIOR);
        byDefault.checkUsage(DeviceSpec.parse("gpu"));
        assertThat(byDefault.level(DeviceSpec.parse("gpu"))).isEqualTo(Isolation.Level.CHILD);
        assertThat(byDefault.fallbackWarning(DeviceSpec.parse("gpu"))).contains("warning: jar adapters run in a child "
                + "JVM without the sandbox, which shows no GPU device: they can read the dataset and use the network; "
                + "run them on the CPU to sandbox them, or pass --no-sandbox to accept this");
        assertThat(byDefault.level(DeviceSpec.CPU)).isEqualTo(IsolatedAdapters.sandboxProblem().isEmpty()
                ? Isolation.Level.CHILD_SANDBOX : Isolation.Level.CHILD);
        assertThat(new IsolationSettings(IsolationSettings.Mode.CHILD, "1g", 60).level(DeviceSpec.CPU))
                .isEqualTo(Isolation.Level.CHILD);
        assertThat(IsolationSettings.IN_PROCESS.level(DeviceSpec.parse("gpu"))).isEqualTo(Isolation.Level.IN_PROCESS);
    }
}
