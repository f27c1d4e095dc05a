package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Requests that {@code eval} refuses as bad usage (exit 2) before scoring anything. */
class RefusedRequestTest extends TwentyItemDataset {
    @Test
    void priorAndRandomRefuseAGpuInsteadOfRunningOnTheCpu() {
        for (String adapter : new String[] {"prior", "random"}) {
            CommandRun run = eval(data, out, "--adapter", adapter, "--device", "gpu", "--run-id", adapter);

            assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
            assertThat(run.err()).isEqualTo("error: adapter " + adapter + " failed to open: " + adapter
                    + " uses no device and runs on the CPU: --device gpu:0 is refused; give --device cpu\n");
            assertThat(out.resolve(adapter).resolve("run.json")).doesNotExist();
        }
    }

    @Test
    void priorAndRandomRefuseUnknownOptions() {
        for (String adapter : new String[] {"prior", "random"}) {
            CommandRun run = eval(data, out, "--adapter", adapter, "--adapter-option", "temperature=2",
                    "--adapter-option", "alpha=1", "--run-id", adapter);

            assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
            assertThat(run.err()).isEqualTo("error: " + adapter + ": unknown --adapter-option [alpha, temperature]; "
                    + "known: none (" + adapter + " takes no options)\n");
            assertThat(out.resolve(adapter)).doesNotExist();
        }
    }

    @Test
    void aTrainedAdapterRefusingAnUnknownOptionIsBadUsage() {
        CommandRun run = eval(data, out, "--adapter", "image", "--adapter-option", "modle=x", "--run-id", "image");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: adapter image failed to open: image: unknown --adapter-option [modle]; "
                + "known: [model]\n");
    }

    @Test
    void aGpuWhereThereIsNoneIsBadUsage() {
        Assumptions.assumeTrue(ai.djl.engine.Engine.getInstance().getGpuCount() == 0);

        CommandRun run = eval(data, out, "--adapter", "image", "--device", "gpu", "--run-id", "image");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).startsWith("error: adapter image failed to open: --device gpu:0: the PyTorch ")
                .endsWith(" engine of this build is the CPU one (libtorch cpu) and sees no GPU; for a GPU, run the GPU "
                        + "build: GLAMI_BENCH_GPU=1 ./glami-bench ... (or build it with mvn -Pgpu; see docs/gpu.md); "
                        + "use --device cpu\n");
    }

    @Test
    void aFolderHoldingAnotherRunIsBadUsage() {
        evalOk(data, out, "--adapter", "random", "--run-id", "taken");

        CommandRun completed = eval(data, out, "--adapter", "random", "--run-id", "taken");

        assertThat(completed.exitCode()).as("%s", completed).isEqualTo(2);
        assertThat(completed.err()).isEqualTo("error: " + out.resolve("taken") + " holds a completed run; give --force "
                + "to redo it, or another --run-id\n");
    }
}
