package org.glamibench.eval;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.TestManifest;
import org.glamibench.metrics.MetricReport;
import org.glamibench.run.MetricsJson;
import org.glamibench.run.Provenance;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.stats.BootstrapReport;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;

/** Assembles a finished run's {@link RunResult} from its settings and its stored predictions. */
final class RunResults {
    /** Bootstrap resamples of the intervals stored in every run.json. */
    static final int BOOTSTRAP_RESAMPLES = 1000;
    /** Their confidence level. */
    static final double BOOTSTRAP_CONFIDENCE = 0.95;
    private RunResults() {
    }

    /**
     * @param session what the scorer ran: the adapter's descriptor after open, its configuration,
     *                engine, timing and execution
     */
    static RunResult build(Path runDir, AdapterRegistry.Entry entry, ScoringReport session, String jarSha256,
                           EvaluationSettings settings, ClassIndex classIndex, TestManifest manifest, int rows,
                           int selected, int skipped, long resumed) {
        StoredPredictions stored = StoredPredictions.read(runDir);
        if (stored.size() != selected) {
            throw new EvaluationException(runDir + ": " + stored.size() + " stored predictions for " + selected
                    + " selected items");
        }
        MetricReport report = StoredMetrics.compute(stored);
        BootstrapReport intervals = StoredMetrics.intervals(stored, BOOTSTRAP_RESAMPLES, BOOTSTRAP_CONFIDENCE,
                settings.seed());
        AdapterDescriptor d = session.descriptor();
        Map<String, String> configuration = session.configuration();
        RunResult.Adapter adapter = new RunResult.Adapter(d.name(), d.version(), d.modality().name(), d.output().name(),
                d.parameterCount(), d.license(), d.weightsSha256(), d.description(),
                entry.jar() == null ? null : entry.jar().getFileName().toString(), jarSha256,
                configuration == null ? null : new TreeMap<>(configuration));
        RunResult.Dataset dataset = new RunResult.Dataset("GLAMI-1M", settings.split().label(), rows, selected,
                manifest.sha256(), classIndex.sha256(), classIndex.size(), skipped);
        RunResult.Settings runSettings = new RunResult.Settings(settings.batch(), settings.threads(), settings.limit(),
                settings.subset(), settings.seed(), settings.device().toString(), settings.saveScores(),
                settings.failFast(), settings.adapterOptions(), entry.isolation().level().label(), entry.isolation().heap(),
                entry.isolation().batchTimeoutSeconds());
        RunResult.Timing runTiming = new RunResult.Timing(session.wallSeconds(), session.openSeconds(),
                session.items(), session.wallSeconds() > 0 ? session.items() / session.wallSeconds() : 0,
                session.adapterSeconds(), session.pipelineWaitSeconds(), resumed);
        return new RunResult(RunResult.SCHEMA_VERSION, runDir.getFileName().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), adapter, dataset, runSettings,
                Provenance.of(session.engine(), settings.device()), runTiming,
                MetricsJson.of(report, intervals, classIndex), errors(stored, report), session.execution());
    }

    private static RunResult.Errors errors(StoredPredictions stored, MetricReport report) {
        List<Map<String, Object>> examples = new ArrayList<>();
        for (PredictionRow row : stored.rows()) {
            if (row.status() != ItemStatus.OK && examples.size() < RunFiles.ERROR_EXAMPLES) {
                Map<String, Object> example = new LinkedHashMap<>();
                example.put("item_id", row.itemId());
                example.put("status", row.status().label());
                example.put("message", row.error());
                examples.add(example);
            }
        }
        return new RunResult.Errors(report.statusCounts().get(ItemStatus.INPUT_ERROR),
                report.statusCounts().get(ItemStatus.ADAPTER_ERROR), examples);
    }
}
