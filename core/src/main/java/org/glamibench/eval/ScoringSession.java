package org.glamibench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.features.ItemFeatureAdapter;
import org.glamibench.features.ItemFeatureTable;
import org.glamibench.metrics.Scores;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.run.ConfiguredAdapter;
import org.glamibench.store.PredictionRow;

/**
 * One opened adapter that scores batches in this JVM: reads and prepares their items on the input
 * pipeline's threads, calls {@code predict} (one call at a time: not thread-safe), checks every
 * output at the boundary and turns each item into its {@link ScoredOutcome}. A local run uses one;
 * a Spark executor one per task slot, kept open across its tasks.
 *
 * <p>A batch whose {@code predict} throws or breaks the output contract is retried item by item;
 * items that still fail become adapter errors. A batch on which an adapter's child JVM failed is
 * failed at once (it was already retried in a fresh child). Items whose image cannot be read
 * become input errors.
 *
 * @param <P> the adapter's prepared input type
 */
public final class ScoringSession<P> implements AutoCloseable {
    private final DatasetLayout layout;
    private final ModelAdapter<P> adapter;
    private final AdapterCall<P> call;
    private final ClassIndex classIndex;
    private final EvaluationSettings settings;
    private final ItemFeatureTable features;
    private final Map<String, String> configuration;
    private final Optional<EngineInfo> engine;
    private final double openSeconds;
    private long waitNanos;
    private long items;

    private ScoringSession(DatasetLayout layout, ModelAdapter<P> adapter, AdapterCall<P> call, ClassIndex classIndex,
                           EvaluationSettings settings, ItemFeatureTable features, Map<String, String> configuration,
                           double openSeconds) {
        this.layout = layout;
        this.adapter = adapter;
        this.call = call;
        this.classIndex = classIndex;
        this.settings = settings;
        this.features = features;
        this.configuration = configuration;
        this.engine = adapter.engine();
        this.openSeconds = openSeconds;
    }

    /**
     * Makes and opens an instance of the entry's adapter with the run's settings (device, cache,
     * options, seed, the train split when the dataset has it).
     *
     * @param progress where the adapter's own progress lines go
     * @throws RequestRefusedException when the adapter refuses its options or device
     * @throws EvaluationException     when it cannot open otherwise, or describes itself as another
     *                                 adapter once opened
     */
    public static ScoringSession<?> open(DatasetLayout layout, AdapterRegistry.Entry entry,
                                         ClassIndex classIndex, EvaluationSettings settings, ProgressOutput progress) {
        return openTyped(layout, entry, classIndex, settings, progress);
    }

    private static <P> ScoringSession<P> openTyped(DatasetLayout layout,
                                                   AdapterRegistry.Entry entry,
                                                   ClassIndex classIndex, EvaluationSettings settings,
                                                   ProgressOutput progress) {
        @SuppressWarnings("unchecked")
        ModelAdapter<P> adapter = (ModelAdapter<P>) entry.factory().get();
        Optional<Path> train = layout.has(Split.TRAIN) ? Optional.of(layout.csv(Split.TRAIN))
                : Optional.empty();
        AdapterContext context = new AdapterContext(classIndex, settings.device(), settings.cacheDir(),
                settings.adapterOptions(), settings.seed(), train, progress);
        long openStart = System.nanoTime();
        AdapterCall<P> call = new AdapterCall<>(adapter, entry.descriptor(), classIndex.size());
        try {
            call.open(context);
        } catch (RuntimeException | Error e) {
            try {
                call.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        boolean builtIn = entry.jar() == null;
        ItemFeatureTable features = builtIn && adapter instanceof ItemFeatureAdapter<?> reader
                ? reader.itemFeatures().orElse(null) : null;
        Map<String, String> configuration = builtIn && adapter instanceof ConfiguredAdapter configured
                ? Map.copyOf(configured.configuration()) : null;
        return new ScoringSession<>(layout, adapter, call, classIndex, settings, features, configuration,
                (System.nanoTime() - openStart) / 1e9);
    }

    /**
     * Scores the batches in order, handing each batch's outcomes to {@code sink} as soon as it is
     * scored, in the batch's row order.
     *
     * @param batches the batches, each not empty
     * @param sink    takes the outcomes; what it throws ends the scoring
     * @throws InterruptedException when the thread is interrupted (checked after every batch)
     */
    public void score(List<List<GlamiRow>> batches, Consumer<List<ScoredOutcome>> sink) throws InterruptedException {
        try (InputPipeline<P> pipeline = new InputPipeline<>(batches, layout, adapter, features, settings.threads())) {
            while (pipeline.hasNext()) {
                long waitStart = System.nanoTime();
                PreparedBatch<P> batch = pipeline.next();
                waitNanos += System.nanoTime() - waitStart;
                sink.accept(outcomes(batch, call.score(batch)));
                items += batch.rows().size();
                if (Thread.interrupted()) {
                    throw new InterruptedException("scoring interrupted after " + items + " items");
                }
            }
        }
    }

    private List<ScoredOutcome> outcomes(PreparedBatch<P> batch, List<AdapterCall.ItemOutcome> scored) {
        List<ScoredOutcome> outcomes = new ArrayList<>(batch.rows().size());
        for (int i = 0; i < batch.rows().size(); i++) {
            GlamiRow row = batch.rows().get(i);
            AdapterCall.ItemOutcome outcome = scored.get(i);
            if (outcome.failure() != null) {
                outcomes.add(new ScoredOutcome(PredictionRow.failed(row.itemId(), row.geo(), row.category(),
                        outcome.failure().status(), outcome.failure().message()), null));
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
            outcomes.add(new ScoredOutcome(PredictionRow.ok(row.itemId(), row.geo(), row.category(), categories,
                    topScores), settings.saveScores() ? probabilities : null));
        }
        return outcomes;
    }

    /** The adapter's descriptor after open. */
    public AdapterDescriptor descriptor() {
        return call.descriptor();
    }

    /** What a built-in adapter reported of its configuration; null for none. */
    public Map<String, String> configuration() {
        return configuration;
    }

    /** The engine the adapter reported, if any. */
    public Optional<EngineInfo> engine() {
        return engine;
    }

    /** Seconds spent opening the adapter. */
    public double openSeconds() {
        return openSeconds;
    }

    /** Seconds spent inside {@code predict} so far. */
    public double adapterSeconds() {
        return call.predictNanos() / 1e9;
    }

    /** Seconds spent waiting for the input pipeline so far. */
    public double pipelineWaitSeconds() {
        return waitNanos / 1e9;
    }

    /** Items scored so far. */
    public long items() {
        return items;
    }

    /**
     * Closes the adapter.
     *
     * @throws EvaluationException when it fails to close
     */
    @Override
    public void close() {
        call.close();
    }
}
