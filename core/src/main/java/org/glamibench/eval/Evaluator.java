package org.glamibench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.files.IoFailures;
import org.glamibench.files.JsonFiles;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.registry.Isolation;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.files.Sha256;
import org.glamibench.dataset.SplitReader;
import org.glamibench.dataset.TestManifest;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.PredictionStore;
import org.glamibench.dataset.ClassIndexCollector;

/**
 * Runs one adapter over a split and writes the run folder: streams the items through the input
 * pipeline and the adapter, checks every output at the boundary, stores each item's prediction
 * as it comes (resuming an interrupted run), then computes the metrics from the stored
 * predictions only and writes {@code run.json}.
 *
 * <p>The batches are scored by a {@link Scorer}: in this JVM by default ({@link #IN_THIS_JVM}, see
 * {@link ScoringSession} for how failures become items' input and adapter errors), or elsewhere;
 * the items, their batches and the store's order are the same either way, and a run started by
 * one scorer resumes under another. Failed items count as wrong. With {@code failFast} the first such item stops
 * the run (what was stored is kept for a later resume).
 */
public final class Evaluator {
    private static final String REQUEST_JSON = "request.json";

    /** Scores in this JVM, with one adapter instance: a local run. */
    public static final Scorer IN_THIS_JVM = Evaluator::scoreHere;

    private final ProgressOutput progress;
    private final Scorer scorer;

    /** @param progress where progress and status lines go */
    public Evaluator(ProgressOutput progress) {
        this(progress, IN_THIS_JVM);
    }

    /**
     * @param progress where progress and status lines go
     * @param scorer   where the batches are scored
     */
    public Evaluator(ProgressOutput progress, Scorer scorer) {
        this.progress = progress;
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /**
     * What an evaluation wrote.
     *
     * @param runDir the run folder
     * @param result its run.json
     */
    public record Outcome(Path runDir, RunResult result) {
    }

    /**
     * Evaluates an adapter into {@code outRoot/<runId>}. A limit or subset that is not below the
     * split's size scores the whole split and is recorded and named as a full run, with a warning.
     *
     * @param runId the run folder's name; null for {@link RunNames#of the default}
     * @throws RequestRefusedException when the adapter refuses its options or device (an
     *                                  {@link IllegalArgumentException} from {@code open}), the run
     *                                  is complete and not forced, or the folder holds an
     *                                  interrupted run of another request
     * @throws EvaluationException      when the adapter cannot open otherwise, or a fail-fast item
     *                                  fails
     * @throws org.glamibench.dataset.DatasetException for unusable data
     */
    public Outcome evaluate(DatasetLayout layout, AdapterRegistry.Entry entry, Path outRoot, String runId,
                            EvaluationSettings asked) throws IOException, InterruptedException {
        EvaluationSettings settings = asked;
        ClassIndex classIndex = ClassIndexCollector.read(layout, settings.rowMode());
        TestManifest.Builder manifest = new TestManifest.Builder(false);
        List<GlamiRow> rows = new ArrayList<>();
        int skipped;
        try (SplitReader reader = SplitReader.open(layout, settings.split(), classIndex, settings.rowMode())) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
                manifest.add(row);
            }
            skipped = reader.problems().size();
            reader.problems().forEach(problem -> progress.println("skipped " + problem));
        }
        if (rows.isEmpty()) {
            throw layout.noRows(settings.split(), skipped);
        }
        TestManifest testManifest = manifest.build();
        if (settings.selectionCovers(rows.size())) {
            progress.println("warning: " + settings.selection() + " is not below the " + rows.size() + " items of the "
                    + settings.split().label() + " split: scoring all of them, as a full run");
            settings = settings.withoutSelection();
        }
        List<GlamiRow> selected = settings.limit() != null ? ItemSelection.first(rows, settings.limit())
                : settings.subset() != null ? ItemSelection.stratified(rows, settings.subset(), settings.seed()) : rows;
        Path runDir = outRoot.resolve(runId != null ? RunNames.checked(runId)
                : RunNames.of(entry.descriptor().name(), testManifest.sha256(), settings));
        String jarSha256 = entry.jar() == null ? null : Sha256.hexOfFile(entry.jar());
        prepareFolder(runDir, settings.force());
        checkRequest(runDir, request(entry.descriptor(), jarSha256, entry.isolation().level(), testManifest, settings));

        long resumed;
        ScoringReport session;
        try (PredictionStore store = openStore(runDir, classIndex, settings.saveScores())) {
            Set<Long> done = store.completedItemIds();
            List<GlamiRow> todo = selected.stream().filter(row -> !done.contains(row.itemId())).toList();
            resumed = (long) selected.size() - todo.size();
            if (resumed > 0) {
                progress.println("resuming " + runDir + ": " + resumed + " items already stored, " + todo.size() + " to go");
            }
            ScoringJob job = new ScoringJob(runDir, layout, entry, classIndex, settings,
                    batches(todo, settings.batch()), progress);
            boolean failFast = settings.failFast();
            try (ProgressMeter meter = progress.meter(entry.descriptor().name(), ProgressMeter.Unit.count("items"),
                    selected.size(), resumed)) {
                session = scorer.score(job, outcomes -> {
                    store(outcomes, store, failFast);
                    meter.add(outcomes.size());
                });
                meter.finish();
            }
            store.finish();
        }
        RunResult result = RunResults.build(runDir, entry, session, jarSha256, settings, classIndex, testManifest,
                rows.size(), selected.size(), skipped, resumed);
        Path runJson = runDir.resolve(RunFiles.RUN_JSON);
        try {
            JsonFiles.write(runJson, result);
        } catch (IOException e) {
            throw writeFailure("cannot write " + runJson, e);
        }
        return new Outcome(runDir, result);
    }

    /** Hands the stored outcomes to the store, stopping at the first failed item with fail-fast. */
    private static void store(List<ScoredOutcome> outcomes, PredictionStore store, boolean failFast) {
        for (ScoredOutcome outcome : outcomes) {
            PredictionRow row = outcome.row();
            if (failFast && row.status() != ItemStatus.OK) {
                throw new EvaluationException("item " + row.itemId() + ": " + row.status().label() + ": " + row.error()
                        + " (--fail-fast)");
            }
            store.append(row, outcome.scores());
        }
    }

    /** The items in batches of at most {@code size}, in order: how every scorer gets them. */
    private static List<List<GlamiRow>> batches(List<GlamiRow> items, int size) {
        List<List<GlamiRow>> batches = new ArrayList<>((items.size() + size - 1) / size);
        for (int start = 0; start < items.size(); start += size) {
            batches.add(items.subList(start, Math.min(items.size(), start + size)));
        }
        return batches;
    }

    /** Scores every batch with one adapter opened in this JVM. */
    private static ScoringReport scoreHere(ScoringJob job, Consumer<List<ScoredOutcome>> store)
            throws InterruptedException {
        try (ScoringSession<?> session = ScoringSession.open(job.layout(), job.entry(), job.classIndex(), job.settings(),
                job.progress())) {
            long start = System.nanoTime();
            session.score(job.batches(), store);
            return new ScoringReport(session.descriptor(), session.configuration(), session.engine(),
                    (System.nanoTime() - start) / 1e9, session.openSeconds(), session.items(), session.adapterSeconds(),
                    session.pipelineWaitSeconds(), null);
        }
    }

    /** Creates the folder; with force, first removes the files of an earlier run in it. */
    private static void prepareFolder(Path runDir, boolean force) {
        if (Files.exists(runDir) && !Files.isDirectory(runDir)) {
            throw new RequestRefusedException(runDir + " is a file, not a run folder; give another --run-id or --out");
        }
        if (Files.exists(runDir.resolve(RunFiles.RUN_JSON)) && !force) {
            throw new CompletedRunException(runDir);
        }
        try {
            if (force) {
                Files.deleteIfExists(runDir.resolve(RunFiles.RUN_JSON));
                Files.deleteIfExists(runDir.resolve(REQUEST_JSON));
                PredictionStore.delete(runDir);
            }
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw writeFailure("cannot prepare the run folder " + runDir, e);
        } catch (UncheckedIOException e) {
            throw writeFailure("cannot prepare the run folder " + runDir, e.getCause());
        }
    }

    private static PredictionStore openStore(Path runDir, ClassIndex classIndex, boolean saveScores) {
        try {
            return PredictionStore.open(runDir, classIndex, saveScores);
        } catch (UncheckedIOException e) {
            throw writeFailure("cannot write the predictions in " + runDir, e.getCause());
        }
    }

    /**
     * A failed write, in words: bad usage when the path is at fault (permission denied, not a
     * directory, a read-only file system), a failed evaluation otherwise (a full disk).
     */
    private static EvaluationException writeFailure(String what, IOException failure) {
        String message = what + ": " + IoFailures.reason(failure);
        return IoFailures.unusablePath(failure) ? new RequestRefusedException(message, failure)
                : new EvaluationException(message, failure);
    }

    private static Map<String, Object> request(AdapterDescriptor descriptor, String jarSha256, Isolation.Level isolation,
                                               TestManifest manifest, EvaluationSettings settings) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("adapter", descriptor.name());
        request.put("adapter_version", descriptor.version());
        request.put("adapter_jar_sha256", jarSha256);
        request.put("weights_sha256", descriptor.weightsSha256());
        request.put("isolation", isolation.label());
        request.put("split", settings.split().label());
        request.put("manifest_sha256", manifest.sha256());
        request.put("limit", settings.limit());
        request.put("subset", settings.subset());
        request.put("seed", settings.seed());
        request.put("save_scores", settings.saveScores());
        request.put("adapter_options", new TreeMap<>(settings.adapterOptions()));
        return request;
    }

    /** Refuses to resume a folder that was started for another request; records the request. */
    private static void checkRequest(Path runDir, Map<String, Object> request) throws IOException {
        Path file = runDir.resolve(REQUEST_JSON);
        if (Files.exists(file)) {
            JsonNode earlier = JsonFiles.MAPPER.readTree(file.toFile());
            JsonNode now = JsonFiles.MAPPER.readTree(JsonFiles.MAPPER.writeValueAsString(request));
            if (!earlier.equals(now)) {
                throw new RequestRefusedException(runDir + " holds an interrupted run of another request (" + earlier
                        + "); resume it with the same options, or give another --run-id or --force");
            }
            return;
        }
        try {
            JsonFiles.write(file, request);
        } catch (IOException e) {
            throw writeFailure("cannot write " + file, e);
        }
    }
}
