package org.glamibench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.harness.IsolationSettings;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.registry.Isolation;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.files.Sha256;
import org.glamibench.dataset.Split;
import org.glamibench.eval.AdapterValidator;
import org.glamibench.eval.AdapterValidator.Check;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.glamibench.dataset.ClassIndexCollector;

/** {@code glami-bench validate}: checks an adapter jar before any scoring. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the adapters of a jar before any scoring: the jar holds adapters whose names are free, "
                + "each opens and keeps its descriptor, and on a probe batch of test items keeps the output contract, "
                + "gives the same scores for the same input twice and for an item wherever it stands in a batch, "
                + "within the time budget, and closes.",
            "Prints a checklist (--json: one object). Exit codes: 0 every check passed, 1 a check failed, 2 bad usage."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    @Mixin
    private IsolationOptions isolation;

    @Option(names = "--adapter-jar", paramLabel = "JAR", required = true, description = "The adapter jar to check.")
    private Path jar;

    @Option(names = "--adapter", paramLabel = "NAME", description = "Check only this adapter of the jar (default: all).")
    private String adapter;

    @Option(names = "--adapter-option", paramLabel = "KEY=VALUE", description = "An option for the adapter (repeatable).")
    private Map<String, String> adapterOptions = new LinkedHashMap<>();

    @Mixin
    private DeviceOption deviceOption;

    @Option(names = "--probe", paramLabel = "N", defaultValue = "" + AdapterValidator.PROBE_ITEMS,
            description = "Items in the probe batch, drawn from the test split stratified by geo (default: ${DEFAULT-VALUE}).")
    private int probe;

    @Option(names = "--batch-budget", paramLabel = "SECONDS", defaultValue = "30",
            description = "The longest a probe batch may take; a child JVM is ended when it takes longer (default: ${DEFAULT-VALUE}).")
    private int batchBudget;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the probe draw and of seeded adapters (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private CacheOption cacheOption;

    @Option(names = "--json", description = "Print one JSON object instead of the checklist.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        DeviceSpec deviceSpec = deviceOption.device();
        Options.positive("--probe", probe);
        Options.positive("--batch-budget", batchBudget);
        IsolationSettings isolationSettings = isolation.settings();
        Isolation.Level level = isolationSettings.level(deviceSpec);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + ": no such adapter jar");
        }
        DatasetLayout layout = dataOptions.layout();
        ClassIndex classIndex = ClassIndexCollector.read(layout, dataOptions.mode());
        List<GlamiRow> probeRows = AdapterValidator.probe(layout, classIndex, dataOptions.mode(), probe, seed);
        AdapterContext context = new AdapterContext(classIndex, deviceSpec,
                cacheOption.folder(), adapterOptions, seed,
                layout.has(Split.TRAIN) ? Optional.of(layout.csv(Split.TRAIN)) : Optional.empty());
        PrintWriter err = spec.commandLine().getErr();
        List<Check> checks = new ArrayList<>();
        AdapterRegistry registry;
        try {
            registry = isolationSettings.registry(List.of(jar), deviceSpec, batchBudget, 0, 2, List.of(layout.root()),
                    line -> {
                        err.println("[adapter] " + line);
                        err.flush();
                    }, line -> {
                        err.println(line);
                        err.flush();
                    });
        } catch (IllegalArgumentException e) {
            checks.add(new Check(null, "jar", false, e.getMessage()));
            return print(checks, level);
        }
        try (registry) {
            List<AdapterRegistry.Entry> entries = registry.entries().stream().filter(entry -> entry.jar() != null).toList();
            if (adapter != null) {
                AdapterRegistry.Entry chosen = registry.get(adapter);
                if (chosen.jar() == null) {
                    throw new IllegalArgumentException(adapter + " is a built-in adapter, not one of " + jar);
                }
                entries = List.of(chosen);
            }
            checks.add(new Check(null, "jar", true, entries.size() + (entries.size() == 1 ? " adapter: " : " adapters: ")
                    + String.join(", ", entries.stream().map(entry -> entry.descriptor().name()).toList())
                    + "; names free; run " + isolationSettings.describe(level)));
            for (AdapterRegistry.Entry entry : entries) {
                checks.addAll(AdapterValidator.validate(entry, layout, probeRows, context, batchBudget));
            }
        }
        return print(checks, level);
    }

    private int print(List<Check> checks, Isolation.Level level) throws Exception {
        boolean passed = checks.stream().allMatch(Check::passed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("jar", jar.toString());
            report.put("jar_sha256", Files.isRegularFile(jar) ? Sha256.hexOfFile(jar) : null);
            report.put("isolation", level.label());
            report.put("passed", passed);
            report.put("checks", checks);
            out.println(Json.MAPPER.writeValueAsString(report));
        } else {
            out.println("validating " + jar);
            for (Check check : checks) {
                String subject = check.adapter() == null ? check.name() : check.adapter() + ": " + check.name();
                out.println(String.format(Locale.ROOT, "  %-4s %-40s %s",
                        !check.passed() ? "FAIL" : check.warning() ? "warn" : "ok", subject, check.detail()));
            }
            long failed = checks.stream().filter(check -> !check.passed()).count();
            long warnings = checks.stream().filter(Check::warning).count();
            out.println((passed ? "all " + checks.size() + " checks passed" : failed + " of " + checks.size() + " checks failed")
                    + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings")));
        }
        out.flush();
        return passed ? 0 : GlamiBench.EXIT_FAILED;
    }
}
