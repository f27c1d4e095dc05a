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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.files.IoFailures;
import org.glamibench.files.JsonFiles;
import org.glamibench.registry.AdapterCallException;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.registry.Isolation;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.registry.ScoreCheck;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.files.Sha256;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.dataset.TestManifest;
import org.glamibench.features.ItemFeatureAdapter;
import org.glamibench.features.ItemFeatureTable;
import org.glamibench.metrics.Scores;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.run.ConfiguredAdapter;
import org.glamibench.run.Provenance;
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
 * <p>A batch whose {@code predict} throws or breaks the output contract is retried item by item;
 * items that still fail are stored as adapter errors. A batch on which an adapter's child JVM
 * failed (an {@link AdapterCallException} not worth an item-by-item retry: the batch was already
 * retried in a fresh child) is stored as adapter errors at once. Items whose image cannot be read
 * are stored as input errors. Both count as wrong. With {@code failFast} the first such item stops
 * the run (what was stored is kept for a later resume).
 */
public final class Evaluator {
    private static final String REQUEST_JSON = "request.json";

    private final ProgressOutput progress;

    /** @param progress where progress and status lines go */
    public Evaluator(ProgressOutput progress) {
        this.progress = progress;
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
        Session session;
        try (PredictionStore store = openStore(runDir, classIndex, settings.saveScores())) {
            Set<Long> done = store.completedItemIds();
            List<GlamiRow> todo = selected.stream().filter(row -> !done.contains(row.itemId())).toList();
            resumed = (long) selected.size() - todo.size();
            if (resumed > 0) {
                progress.println("resuming " + runDir + ": " + resumed + " items already stored, " + todo.size() + " to go");
            }
            session = score(layout, entry, classIndex, todo, store, settings, resumed, selected.size());
            store.finish();
        }
        RunResult result = RunResults.build(runDir, entry, session.adapter(), session.configuration(),
                session.engine(), jarSha256, settings,
                classIndex, testManifest, rows.size(), selected.size(), skipped, session.timing(), resumed);
        Path runJson = runDir.resolve(RunFiles.RUN_JSON);
        try {
            JsonFiles.write(runJson, result);
        } catch (IOException e) {
            throw writeFailure("cannot write " + runJson, e);
        }
        return new Outcome(runDir, result);
    }

    private <P> Session score(DatasetLayout layout, AdapterRegistry.Entry entry, ClassIndex classIndex,
                                    List<GlamiRow> todo, PredictionStore store, EvaluationSettings settings,
                                    long resumed, int total) throws InterruptedException {
        @SuppressWarnings("unchecked")
        ModelAdapter<P> adapter = (ModelAdapter<P>) entry.factory().get();
        Optional<Path> train = layout.has(Split.TRAIN) ? Optional.of(layout.csv(Split.TRAIN)) : Optional.empty();
        AdapterContext context = new AdapterContext(classIndex, settings.device(), settings.cacheDir(),
                settings.adapterOptions(), settings.seed(), train, progress);
        long openStart = System.nanoTime();
        try (AdapterCall<P> call = new AdapterCall<>(adapter, entry.descriptor(), classIndex.size())) {
            call.open(context);
            AdapterDescriptor descriptor = call.descriptor();
            Optional<EngineInfo> engine = adapter.engine();
            boolean builtIn = entry.jar() == null;
            ItemFeatureTable features = builtIn && adapter instanceof ItemFeatureAdapter<?> reader
                    ? reader.itemFeatures().orElse(null) : null;
            Map<String, String> configuration = builtIn && adapter instanceof ConfiguredAdapter configured
                    ? Map.copyOf(configured.configuration()) : null;
            double openSeconds = seconds(System.nanoTime() - openStart);
            long start = System.nanoTime();
            long waitNanos = 0;
            try (InputPipeline<P> pipeline = new InputPipeline<>(todo, layout, adapter, features, settings.batch(),
                    settings.threads());
                 ProgressMeter meter = progress.meter(descriptor.name(), ProgressMeter.Unit.count("items"), total, resumed)) {
                while (pipeline.hasNext()) {
                    long waitStart = System.nanoTime();
                    PreparedBatch<P> batch = pipeline.next();
                    waitNanos += System.nanoTime() - waitStart;
                    store(batch, call.score(batch), classIndex, store, settings);
                    meter.add(batch.rows().size());
                }
                meter.finish();
            }
            double wall = seconds(System.nanoTime() - start);
            return new Session(descriptor, configuration, new SessionTiming(wall, openSeconds, todo.size(),
                    seconds(call.predictNanos()), seconds(waitNanos)), engine);
        }
    }

    private static <P> void store(PreparedBatch<P> batch, List<ItemOutcome> outcomes, ClassIndex classIndex,
                                  PredictionStore store, EvaluationSettings settings) {
        for (int i = 0; i < batch.rows().size(); i++) {
            GlamiRow row = batch.rows().get(i);
            ItemOutcome outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                if (settings.failFast()) {
                    throw new EvaluationException("item " + row.itemId() + ": " + outcome.failure().status().label()
                            + ": " + outcome.failure().message() + " (--fail-fast)");
                }
                store.append(PredictionRow.failed(row.itemId(), row.geo(), row.category(), outcome.failure().status(),
                        outcome.failure().message()), null);
                continue;
            }
            float[] probabilities = outcome.probabilities();
            int[] top = Scores.topK(probabilities, PredictionRow.TOP_K);
            int[] categories = new int[top.length];
            float[] topScores = new float[top.length];
            for (int k = 0; k < top.length; k++) {
                categories[k] = classIndex.category(top[k]);
                topScores[k] = probabilities[top[k]];
            }
            store.append(PredictionRow.ok(row.itemId(), row.geo(), row.category(), categories, topScores),
                    settings.saveScores() ? probabilities : null);
        }
    }

    /** The outcome of one item: probabilities, or a failure. */
    record ItemOutcome(float[] probabilities, ItemFailure failure) {
    }

    /**
     * What this session ran: the opened adapter's descriptor, its configuration (null when it reports
     * none), the time spent, the engine it reported.
     */
    record Session(AdapterDescriptor adapter, Map<String, String> configuration, SessionTiming timing,
                   Optional<EngineInfo> engine) {
    }

    /** Time spent in this session. */
    record SessionTiming(double wallSeconds, double openSeconds, long items, double adapterSeconds,
                         double pipelineWaitSeconds) {
    }

    /**
     * Calls the adapter, checks its output at the boundary, retries failed batches item by item
     * (except a batch on which an adapter's child JVM failed: it was already retried in a fresh
     * child, and its items are failed together).
     */
    private static final class AdapterCall<P> implements AutoCloseable {
        private final ModelAdapter<P> adapter;
        private AdapterDescriptor descriptor;
        private final int classes;
        private long predictNanos;
        private ItemFailure lastFailure;
        /** Whether the last failed batch is worth retrying item by item (not when its child JVM failed). */
        private boolean lastFailureItemByItem;

        AdapterCall(ModelAdapter<P> adapter, AdapterDescriptor descriptor, int classes) {
            this.adapter = adapter;
            this.descriptor = descriptor;
            this.classes = classes;
        }

        /** Opens the adapter; from then on its descriptor is the one it gives after opening. */
        void open(AdapterContext context) {
            try {
                adapter.open(context);
            } catch (IllegalArgumentException e) {
                throw new RequestRefusedException("adapter " + descriptor.name() + " failed to open: " + e.getMessage(), e);
            } catch (Exception | LinkageError e) {
                throw new EvaluationException("adapter " + descriptor.name() + " failed to open: " + e.getMessage(), e);
            }
            AdapterDescriptor opened = adapter.descriptor();
            if (!opened.name().equals(descriptor.name()) || !opened.version().equals(descriptor.version())) {
                throw new EvaluationException("adapter " + descriptor.name() + " " + descriptor.version()
                        + " describes itself as " + opened.name() + " " + opened.version() + " once opened");
            }
            descriptor = opened;
        }

        AdapterDescriptor descriptor() {
            return descriptor;
        }

        long predictNanos() {
            return predictNanos;
        }

        List<ItemOutcome> score(PreparedBatch<P> batch) {
            List<ItemOutcome> outcomes = new ArrayList<>(batch.rows().size());
            List<P> inputs = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < batch.rows().size(); i++) {
                outcomes.add(batch.failures().get(i) == null ? null : new ItemOutcome(null, batch.failures().get(i)));
                if (batch.failures().get(i) == null) {
                    inputs.add(batch.prepared().get(i));
                    positions.add(i);
                }
            }
            if (inputs.isEmpty()) {
                return outcomes;
            }
            List<ItemOutcome> scored = predictChecked(inputs);
            if (scored == null && !lastFailureItemByItem) {
                scored = new ArrayList<>(inputs.size());
                for (int j = 0; j < inputs.size(); j++) {
                    scored.add(new ItemOutcome(null, lastFailure));
                }
            } else if (scored == null) {
                scored = new ArrayList<>(inputs.size());
                for (P input : inputs) {
                    List<ItemOutcome> single = predictChecked(List.of(input));
                    scored.add(single != null ? single.get(0) : new ItemOutcome(null, lastFailure));
                }
            }
            for (int j = 0; j < positions.size(); j++) {
                outcomes.set(positions.get(j), scored.get(j));
            }
            return outcomes;
        }

        /** The checked outcomes of a predict call, or null when it failed (see {@link #lastFailure}). */
        private List<ItemOutcome> predictChecked(List<P> inputs) {
            float[][] scores;
            long start = System.nanoTime();
            lastFailureItemByItem = true;
            try {
                scores = adapter.predict(inputs);
            } catch (AdapterCallException e) {
                lastFailure = failure(e.getMessage());
                lastFailureItemByItem = e.itemByItem();
                return null;
            } catch (Exception | LinkageError | StackOverflowError e) {
                lastFailure = failure("predict threw " + e);
                return null;
            } finally {
                predictNanos += System.nanoTime() - start;
            }
            String problem = ScoreCheck.batchProblem(scores, inputs.size());
            if (problem != null) {
                lastFailure = failure(problem);
                return null;
            }
            List<ItemOutcome> outcomes = new ArrayList<>(inputs.size());
            for (float[] vector : scores) {
                problem = ScoreCheck.itemProblem(vector, classes, descriptor.output());
                if (problem != null) {
                    lastFailure = failure(problem);
                    return null;
                }
                outcomes.add(new ItemOutcome(descriptor.output() == OutputKind.LOGITS ? Scores.softmax(vector) : vector, null));
            }
            return outcomes;
        }

        private ItemFailure failure(String message) {
            return new ItemFailure(ItemStatus.ADAPTER_ERROR, "adapter " + descriptor.name() + ": " + message);
        }

        @Override
        public void close() {
            try {
                adapter.close();
            } catch (Exception e) {
                throw new EvaluationException("adapter " + descriptor.name() + " failed to close: " + e, e);
            }
        }
    }

    /** Creates the folder; with force, first removes the files of an earlier run in it. */
    private static void prepareFolder(Path runDir, boolean force) {
        if (Files.exists(runDir) && !Files.isDirectory(runDir)) {
            throw new RequestRefusedException(runDir + " is a file, not a run folder; give another --run-id or --out");
        }
        if (Files.exists(runDir.resolve(RunFiles.RUN_JSON)) && !force) {
            throw new RequestRefusedException(runDir + " holds a completed run; give --force to redo it, or another --run-id");
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

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
