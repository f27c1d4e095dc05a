package org.glamibench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glamibench.compare.RunComparison;
import org.glamibench.files.JsonFiles;
import org.glamibench.leakage.CleanSubsetScore;
import org.glamibench.leakage.LeakageFile;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.store.StoredPredictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glami-bench compare RUN_A RUN_B}: paired significance of two runs on the same test set. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two runs item by item: exact McNemar tests overall and per geo (Holm-corrected "
                + "across geos) and a paired bootstrap 95%% interval of the top-1 difference.",
            "Runs on different test sets or class indices are refused."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "A finished run folder.")
    private Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "Another finished run folder on the same test set.")
    private Path runB;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the paired bootstrap (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--leakage", paramLabel = "FILE",
            description = "A leakage.json of the runs' test split (default: results/leakage/<manifest prefix>/leakage.json "
                    + "when there): adds each run's top-1 on the clean and the leaked test items.")
    private Path leakage;

    @Override
    public Integer call() throws Exception {
        RunComparison.Comparison comparison = RunComparison.compare(runA, runB, seed);
        Map<String, CleanSubsetScore> clean = cleanScores();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> perGeo = new LinkedHashMap<>();
            comparison.perGeo().forEach((geo, scope) -> perGeo.put(geo.code(), scope));
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("run_a", comparison.runA());
            map.put("run_b", comparison.runB());
            map.put("top1_difference", comparison.difference());
            map.put("overall", comparison.overall());
            map.put("per_language", perGeo);
            if (!clean.isEmpty()) {
                Map<String, Object> subsets = new LinkedHashMap<>();
                clean.forEach((run, score) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("clean_items", score.cleanItems());
                    entry.put("clean_top1", score.cleanTop1());
                    entry.put("leaked_items", score.leakedItems());
                    entry.put("leaked_top1", score.leakedTop1());
                    subsets.put(run, entry);
                });
                map.put("leakage_file", clean.values().iterator().next().file().file().toString());
                map.put("clean_subset", subsets);
            }
            out.println(JsonFiles.MAPPER.writeValueAsString(map));
        } else {
            out.printf(Locale.ROOT, "A = %s%nB = %s%n", comparison.runA(), comparison.runB());
            out.printf(Locale.ROOT, "top-1 difference A - B: %+.4f (95%% paired bootstrap interval %+.4f .. %+.4f)%n%n",
                    comparison.difference().estimate(), comparison.difference().lower(), comparison.difference().upper());
            out.printf(Locale.ROOT, "%-8s %7s %7s %7s %8s %8s %10s %10s%n", "scope", "items", "A top-1", "B top-1",
                    "A only", "B only", "p", "p (Holm)");
            row(out, "all", comparison.overall());
            comparison.perGeo().forEach((geo, scope) -> row(out, geo.code(), scope));
            if (!clean.isEmpty()) {
                out.printf(Locale.ROOT, "%ntop-1 on the clean test items (no photo or text twin in train; %s) and on the leaked ones:%n",
                        clean.values().iterator().next().file().file());
                String[] names = {"A", "B"};
                int k = 0;
                for (CleanSubsetScore score : clean.values()) {
                    out.printf(Locale.ROOT, "%s clean  %s%n%s leaked %s%n", names[k], CleanSubsetScore.describe(score.cleanTop1(),
                            score.cleanItems()), names[k], CleanSubsetScore.describe(score.leakedTop1(), score.leakedItems()));
                    k++;
                }
            }
        }
        out.flush();
        return 0;
    }

    /** Each run's clean-subset score by run id (A first), empty when no leakage file matches the runs. */
    private Map<String, CleanSubsetScore> cleanScores() throws java.io.IOException {
        Map<String, CleanSubsetScore> scores = new LinkedHashMap<>();
        for (Path dir : new Path[] {runA, runB}) {
            RunResult run = RunFiles.readRun(dir);
            LeakageFile file = LeakageFile.find(leakage, Path.of("results"), run.dataset().manifestSha256());
            if (file == null) {
                return Map.of();
            }
            scores.put(dir == runA ? "run_a" : "run_b", CleanSubsetScore.of(run, StoredPredictions.read(dir), file));
        }
        return scores;
    }

    private static void row(PrintWriter out, String name, RunComparison.Scope s) {
        out.printf(Locale.ROOT, "%-8s %,7d %7.4f %7.4f %,8d %,8d %10.3g %10.3g%n", name, s.items(), s.aTop1(), s.bTop1(),
                s.aOnly(), s.bOnly(), s.pValue(), s.pValueHolm());
    }
}
