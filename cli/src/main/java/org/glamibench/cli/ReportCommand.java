package org.glamibench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glamibench.leakage.CleanSubsetScore;
import org.glamibench.leakage.LeakageFile;
import org.glamibench.report.RunReport;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.store.StoredPredictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glami-bench report RUN_DIR}: a readable summary of a finished run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Prints a summary of a run: overall metrics, the 13 languages, the worst classes, the most confused pairs, errors.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by 'glami-bench eval'.")
    private Path runDir;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the summary as Markdown to FILE.")
    private Path markdown;

    @Option(names = "--leakage", paramLabel = "FILE",
            description = "A leakage.json of the run's test split (default: results/leakage/<manifest prefix>/leakage.json "
                    + "when there): adds top-1 on the clean and the leaked test items.")
    private Path leakage;

    @Override
    public Integer call() throws Exception {
        RunResult run = RunFiles.readRun(runDir);
        StoredPredictions stored = StoredPredictions.read(runDir);
        LeakageFile file = LeakageFile.find(leakage, Path.of("results"), run.dataset().manifestSha256());
        RunReport report = new RunReport(run, stored.classIndex(), file == null ? null : CleanSubsetScore.of(run, stored, file));
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.text());
        out.flush();
        if (markdown != null) {
            Files.writeString(markdown, report.markdown(), StandardCharsets.UTF_8);
            out.println("markdown written to " + markdown);
            out.flush();
        }
        return 0;
    }
}
