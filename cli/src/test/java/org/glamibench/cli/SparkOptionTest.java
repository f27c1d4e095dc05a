package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.glamibench.eval.TestDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval --spark} on the harness's own class path, where the spark module is not: bad usage
 * that says how to get it, before anything is scored (the module's own tests run it).
 */
class SparkOptionTest {
    @TempDir
    Path dir;

    @Test
    void sparkWithoutTheSparkModuleIsBadUsageNamingTheModule() {
        Path data = TestDataset.write(dir, TestDataset.items(4));
        CommandRun run = CommandRun.of("eval", "--data", data.toString(), "--out", dir.resolve("runs").toString(),
                "--adapter", "prior", "--spark", "local[2]");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: --spark needs the spark module (glami-bench-spark) on the class path");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void partitionsWithoutSparkIsBadUsage() {
        CommandRun run = CommandRun.of("eval", "--adapter", "prior", "--partitions", "4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: --partitions needs --spark");
    }
}
