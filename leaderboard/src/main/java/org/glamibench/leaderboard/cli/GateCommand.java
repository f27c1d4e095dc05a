package org.glamibench.leaderboard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glamibench.cli.GlamiBench;
import org.glamibench.leaderboard.gate.BaselineSuite;
import org.glamibench.leaderboard.gate.ExactGate;
import org.glamibench.leaderboard.gate.RegressionGate;
import org.glamibench.run.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code glami-bench gate}: fails (exit 1) when a run's top-1 falls significantly against a
 * baseline, overall or in a geo, or with {@code --exact} when any prediction changed; refuses runs
 * on another test set (exit 2).
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"The accuracy regression gate. Exits 1, naming the metric and the geo, when top-1 falls by more "
                + "than --max-drop AND the fall is significant (exact one-sided McNemar below --alpha, Holm-corrected "
                + "across geos), overall or in any geo; exits 2 when the runs' test sets (manifest) or class indices "
                + "differ; else prints the deltas per scope and exits 0. Only stored predictions are compared.",
            "With --exact: exits 1 when any item's pred_1..pred_5 or status changed, naming the first "
                + ExactGate.SHOWN + " items that changed (scores are not compared): for a change on one machine that "
                + "must not move a deterministic model.",
            "With --suite DIR: evaluates every reference model listed in DIR/" + BaselineSuite.SPEC_FILE
                + " afresh on its sample (training the models of its train lines first) and gates it against its "
                + "committed run in DIR; with --update, replaces the committed runs instead (when a change is meant to "
                + "move them)."})
final class GateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "RUN", description = "The baseline run folder.")
    private Path baseline;

    @Option(names = "--run", paramLabel = "RUN", description = "The run folder to gate.")
    private Path run;

    @Option(names = "--suite", paramLabel = "DIR", description = "A baseline suite, e.g. results/baselines.")
    private Path suite;

    @Option(names = "--update", description = "With --suite: re-evaluate the reference models and replace their committed runs.")
    private boolean update;

    @Option(names = "--exact", description = "Fail when any item's pred_1..pred_5 or status changed, instead of "
            + "the McNemar test (--max-drop and --alpha do not apply).")
    private boolean exact;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/baseline-gate",
            description = "With --suite: where the sample, the trained models and the fresh runs go "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path work;

    @Option(names = "--max-drop", paramLabel = "RATE", defaultValue = "0.005",
            description = "The largest top-1 fall tolerated (default: ${DEFAULT-VALUE}).")
    private double maxDrop;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the paired bootstrap interval shown (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (exact && update) {
            throw new ParameterException(spec.commandLine(), "--exact gates the fresh runs; --update replaces the "
                    + "committed ones: give one of them");
        }
        if (suite != null) {
            if (baseline != null || run != null) {
                throw new ParameterException(spec.commandLine(), "give either --suite or --baseline and --run, not both");
            }
            return suite(out, err);
        }
        if (update) {
            throw new ParameterException(spec.commandLine(), "--update needs --suite");
        }
        if (baseline == null || run == null) {
            throw new ParameterException(spec.commandLine(), "give --baseline RUN and --run RUN, or --suite DIR");
        }
        return gate(baseline, run, out, err) ? 0 : GlamiBench.EXIT_FAILED;
    }

    /** Gates a run against a baseline as the options say, printing the verdict; whether it passed. */
    private boolean gate(Path baselineRun, Path freshRun, PrintWriter out, PrintWriter err) throws IOException {
        if (exact) {
            ExactGate.Verdict verdict = ExactGate.check(baselineRun, freshRun);
            print(verdict, out, err);
            return verdict.passed();
        }
        RegressionGate.Verdict verdict = RegressionGate.check(baselineRun, freshRun, maxDrop, alpha, seed);
        print(verdict, out, err);
        return verdict.passed();
    }

    private int suite(PrintWriter out, PrintWriter err) throws Exception {
        BaselineSuite baselines = BaselineSuite.read(suite);
        if (!update) {
            for (BaselineSuite.Model model : baselines.models()) {
                if (!Files.isRegularFile(baselines.baseline(model).resolve(RunFiles.RUN_JSON))) {
                    throw new IllegalArgumentException(baselines.baseline(model) + " holds no committed run of model "
                            + model.id() + ": create it with " + updateCommand());
                }
            }
        }
        out.println("gate: generating the sample of " + suite.resolve(BaselineSuite.SPEC_FILE) + " in " + work);
        out.flush();
        Path data = baselines.generateSample(work);
        Path models = work.resolve("models");
        if (!baselines.trainings().isEmpty()) {
            out.println("gate: training " + String.join(", ", baselines.trainings().stream()
                    .map(BaselineSuite.Training::name).toList()) + " on the sample into " + models);
            out.flush();
            baselines.train(data, models);
        }
        List<String> failed = new ArrayList<>();
        for (BaselineSuite.Model model : baselines.models()) {
            Path fresh = baselines.evaluate(model, data, models, BaselineSuite.BATCH, work.resolve("runs"));
            if (update) {
                baselines.install(model, fresh);
                out.println("updated " + baselines.baseline(model) + " from a fresh evaluation of " + model.id());
                continue;
            }
            out.println();
            boolean passed;
            try {
                passed = gate(baselines.baseline(model), fresh, out, err);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model " + model.id() + ": " + e.getMessage() + ". If the change of "
                        + "test set is intended (a new sample generator or class index), regenerate the baselines with "
                        + updateCommand(), e);
            }
            if (!passed) {
                failed.add(model.id());
            }
        }
        out.flush();
        if (!failed.isEmpty()) {
            err.println("gate failed for " + String.join(", ", failed) + "; if the change is meant to move the baselines, "
                    + "regenerate them with " + updateCommand() + " and commit them");
            err.flush();
            return GlamiBench.EXIT_FAILED;
        }
        return 0;
    }

    private String updateCommand() {
        return "'glami-bench gate --suite " + suite + " --update'";
    }

    private static void print(RegressionGate.Verdict v, PrintWriter out, PrintWriter err) {
        out.printf(Locale.ROOT, "gate: run %s against baseline %s: fails where top-1 falls by more than %.4f and the fall "
                + "is significant (exact one-sided McNemar, alpha %s, Holm-corrected across geos)%n", v.runId(),
                v.baselineId(), v.maxDrop(), v.alpha());
        out.printf(Locale.ROOT, "%-6s %7s %9s %8s %9s %9s %9s %12s %10s  %s%n", "scope", "items", "baseline", "run",
                "delta", "run only", "base only", "p (1-sided)", "p (adj.)", "verdict");
        row(out, v.overall());
        v.geos().forEach(s -> row(out, s));
        out.printf(Locale.ROOT, "top-1 difference run - baseline: %+.4f (95%% paired bootstrap interval %+.4f .. %+.4f); "
                        + "top-1 changed on %,d of %,d items%n", v.difference().estimate(), v.difference().lower(),
                v.difference().upper(), v.changedTop1(), v.overall().items());
        if (v.passed()) {
            out.println("passed: no significant top-1 fall beyond the allowed drop, overall or in any geo");
        } else {
            for (RegressionGate.Scope s : v.regressions()) {
                err.printf(Locale.ROOT, "regression: top-1 %s fell from %.4f to %.4f (%+.4f, more than the allowed "
                                + "%.4f); one-sided McNemar p = %.3g%s%n",
                        s.scope().equals("all") ? "overall" : "in geo " + s.scope(), s.baselineTop1(), s.runTop1(),
                        s.delta(), v.maxDrop(), s.pValueAdjusted(), s.scope().equals("all") ? "" : " (Holm-corrected across geos)");
            }
            err.flush();
        }
        out.flush();
    }

    private static void print(ExactGate.Verdict v, PrintWriter out, PrintWriter err) {
        out.printf(Locale.ROOT, "gate --exact: run %s against baseline %s: fails when any item's pred_1..pred_5 or status "
                + "changed%n", v.runId(), v.baselineId());
        if (v.passed()) {
            out.printf(Locale.ROOT, "passed: pred_1..pred_5 and status unchanged on all %,d items%n", v.items());
        } else {
            err.printf(Locale.ROOT, "regression: predictions changed on %,d of %,d items; the first %d:%n",
                    v.changedItems(), v.items(), v.firstChanges().size());
            for (ExactGate.Change c : v.firstChanges()) {
                err.printf(Locale.ROOT, "  item %d: %s was %s, now %s%n", c.itemId(), c.field(), shown(c.baseline()),
                        shown(c.run()));
            }
            err.flush();
        }
        out.flush();
    }

    /** A field's value as printed: an absent prediction as {@code (none)}. */
    private static String shown(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    private static void row(PrintWriter out, RegressionGate.Scope s) {
        out.printf(Locale.ROOT, "%-6s %,7d %9.4f %8.4f %+9.4f %,9d %,9d %12.3g %10.3g  %s%n", s.scope(), s.items(),
                s.baselineTop1(), s.runTop1(), s.delta(), s.runOnly(), s.baselineOnly(), s.pValue(), s.pValueAdjusted(),
                s.regression() ? "REGRESSION" : "ok");
    }
}
