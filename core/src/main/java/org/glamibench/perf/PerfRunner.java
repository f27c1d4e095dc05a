package org.glamibench.perf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.registry.ScoreCheck;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.dataset.TestManifest;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.image.ImageFile;
import org.glamibench.image.JpegDecoder;
import org.glamibench.image.RgbImage;
import org.glamibench.metrics.Scores;
import org.glamibench.run.Provenance;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.store.StoredPredictions;
import org.glamibench.dataset.ClassIndexCollector;

/**
 * Measures an adapter's speed on test items already decoded in memory (decoding is the input
 * pipeline's cost, measured by the evaluator, not the model's). The adapter is opened and its
 * first prediction timed on its own (the cold start); then the scenario runs untimed for the
 * warm-up and timed for the duration, cycling over the sample. Each query is {@code prepare} plus
 * {@code predict}: one item in single-stream, a batch (prepared in parallel) in offline.
 */
public final class PerfRunner {
    private static final double NANOS_TO_MS = 1e-6;

    private PerfRunner() {
    }

    /**
     * Settings of a performance run.
     *
     * @param scenario        the load pattern
     * @param batch           items per query in offline (single-stream uses 1)
     * @param sampleItems     how many test items to cycle over
     * @param warmupSeconds   untimed warm-up
     * @param durationSeconds timed duration
     * @param device          the device
     * @param seed            the adapters' seed
     * @param accuracyRun     an accuracy run of the same adapter to check outputs against; null for none
     */
    public record Settings(PerfScenario scenario, int batch, int sampleItems, double warmupSeconds,
                           double durationSeconds, DeviceSpec device, long seed, Path accuracyRun) {
        /** @throws IllegalArgumentException for values out of range */
        public Settings {
            if (batch < 1 || sampleItems < 1 || warmupSeconds < 0 || durationSeconds <= 0) {
                throw new IllegalArgumentException("need batch >= 1, items >= 1, warm-up >= 0 and duration > 0");
            }
        }
    }

    /**
     * Runs the scenario.
     *
     * @throws IllegalArgumentException when the accuracy run is on another test set
     * @throws Exception                when the adapter fails to open or to predict
     */
    public static <P> PerfResult run(DatasetLayout layout, AdapterRegistry.Entry entry, Settings settings,
                                     Path cacheDir, java.util.Map<String, String> options) throws Exception {
        ClassIndex classIndex = ClassIndexCollector.read(layout, GlamiCsvReader.Mode.STRICT);
        TestManifest.Builder manifest = new TestManifest.Builder(false);
        List<GlamiRow> rows = new ArrayList<>();
        try (SplitReader reader = SplitReader.open(layout, Split.TEST, classIndex, GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                manifest.add(row);
                if (rows.size() < settings.sampleItems()) {
                    rows.add(row);
                }
            }
        }
        String manifestSha256 = manifest.build().sha256();
        @SuppressWarnings("unchecked")
        ModelAdapter<P> adapter = (ModelAdapter<P>) entry.factory().get();
        AdapterDescriptor configured = adapter.descriptor(options);
        List<GlamiRow> sampleRows = new ArrayList<>();
        List<ItemInput> sample = decode(layout, rows, configured.modality().readsImage(), sampleRows);
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("no usable test item to measure with (every image failed to decode)");
        }
        Optional<Path> train = layout.has(Split.TRAIN) ? Optional.of(layout.csv(Split.TRAIN)) : Optional.empty();
        AdapterContext context = new AdapterContext(classIndex, settings.device(), cacheDir, options, settings.seed(), train);
        try (adapter) {
            long coldStart = System.nanoTime();
            adapter.open(context);
            AdapterDescriptor d = adapter.descriptor();
            predict(adapter, List.of(sample.get(0)), classIndex.size(), d);
            double coldStartMs = (System.nanoTime() - coldStart) / 1e6;
            int batch = settings.scenario() == PerfScenario.SINGLE_STREAM ? 1 : settings.batch();
            loop(adapter, sample, batch, settings.warmupSeconds(), null, classIndex.size(), d);
            Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
            long start = System.nanoTime();
            long queries = loop(adapter, sample, batch, settings.durationSeconds(), histogram, classIndex.size(), d);
            double seconds = (System.nanoTime() - start) / 1e9;
            PerfResult.AccuracyCheck check = settings.accuracyRun() == null ? null
                    : check(adapter, sample, sampleRows, classIndex, d, settings.accuracyRun(), manifestSha256);
            RunResult.Adapter described = new RunResult.Adapter(d.name(), d.version(), d.modality().name(),
                    d.output().name(), d.parameterCount(), d.license(), d.weightsSha256(), d.description(),
                    entry.jar() == null ? null : entry.jar().getFileName().toString(), null);
            return new PerfResult(described, settings.scenario().label(), settings.device().toString(), batch,
                    sample.size(), manifestSha256, coldStartMs, settings.warmupSeconds(), seconds, queries,
                    queries * batch, queries * batch / seconds, latency(histogram), distribution(histogram), check,
                    Provenance.of(adapter.engine(), settings.device()));
        }
    }

    private static List<ItemInput> decode(DatasetLayout layout, List<GlamiRow> rows, boolean images,
                                          List<GlamiRow> kept) {
        List<ItemInput> inputs = new ArrayList<>();
        try (JpegDecoder decoder = new JpegDecoder()) {
            for (GlamiRow row : rows) {
                RgbImage image = null;
                if (images) {
                    try {
                        image = RgbImage.of(decoder.decode(ImageFile.read(layout.image(row.imageId()))));
                    } catch (ImageDecodeException e) {
                        continue;
                    }
                }
                inputs.add(new ItemInput(image, row.name(), row.description(), row.geo(), row.labelSource()));
                kept.add(row);
            }
        }
        return inputs;
    }

    /** Runs queries for the given seconds; records each query's nanoseconds when a histogram is given. */
    private static <P> long loop(ModelAdapter<P> adapter, List<ItemInput> sample, int batch, double seconds,
                                 Histogram histogram, int classes, AdapterDescriptor d) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long queries = 0;
        int next = 0;
        while (System.nanoTime() < end) {
            List<ItemInput> query = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                query.add(sample.get(next));
                next = (next + 1) % sample.size();
            }
            long start = System.nanoTime();
            predict(adapter, query, classes, d);
            if (histogram != null) {
                histogram.recordValue(Math.max(1, System.nanoTime() - start));
            }
            queries++;
        }
        return queries;
    }

    /** Prepares (in parallel for a batch) and predicts; checks the output contract. */
    private static <P> float[][] predict(ModelAdapter<P> adapter, List<ItemInput> items, int classes,
                                         AdapterDescriptor d) throws Exception {
        List<P> prepared = new ArrayList<>(items.size());
        if (items.size() == 1) {
            prepared.add(adapter.prepare(items.get(0)));
        } else {
            List<Object> done = items.parallelStream().map(item -> {
                try {
                    return (Object) adapter.prepare(item);
                } catch (Exception e) {
                    throw new IllegalStateException(d.name() + ".prepare threw " + e, e);
                }
            }).toList();
            for (Object p : done) {
                @SuppressWarnings("unchecked")
                P typed = (P) p;
                prepared.add(typed);
            }
        }
        float[][] scores = adapter.predict(prepared);
        String problem = ScoreCheck.batchProblem(scores, items.size());
        for (int i = 0; problem == null && i < scores.length; i++) {
            problem = ScoreCheck.itemProblem(scores[i], classes, d.output());
        }
        if (problem != null) {
            throw new IllegalStateException("adapter " + d.name() + ": " + problem);
        }
        return scores;
    }

    private static <P> PerfResult.AccuracyCheck check(ModelAdapter<P> adapter, List<ItemInput> sample,
                                                      List<GlamiRow> rows, ClassIndex classIndex, AdapterDescriptor d,
                                                      Path accuracyRun, String manifestSha256) throws Exception {
        RunResult run;
        try {
            run = RunFiles.readRun(accuracyRun);
        } catch (IOException e) {
            throw new IllegalArgumentException(accuracyRun + ": unreadable run.json: " + e.getMessage(), e);
        }
        if (!run.dataset().manifestSha256().equals(manifestSha256)) {
            throw new IllegalArgumentException(accuracyRun + " was scored on another test set (manifest "
                    + run.dataset().manifestSha256() + ", this one " + manifestSha256 + ")");
        }
        if (!run.adapter().name().equals(d.name())) {
            throw new IllegalArgumentException(accuracyRun + " is a run of adapter " + run.adapter().name() + ", not " + d.name());
        }
        StoredPredictions stored = StoredPredictions.read(accuracyRun);
        int checked = 0;
        int matching = 0;
        List<Long> mismatches = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            int r = stored.rowOf(rows.get(i).itemId());
            if (r < 0 || stored.rows().get(r).topCategories().length == 0) {
                continue;
            }
            float[] scores = predict(adapter, List.of(sample.get(i)), classIndex.size(), d)[0];
            int top1 = classIndex.category(Scores.topK(scores, 1)[0]);
            checked++;
            if (top1 == stored.rows().get(r).topCategories()[0]) {
                matching++;
            } else if (mismatches.size() < 10) {
                mismatches.add(rows.get(i).itemId());
            }
        }
        return new PerfResult.AccuracyCheck(run.runId(), checked, matching, mismatches);
    }

    private static PerfResult.Latency latency(Histogram h) {
        return new PerfResult.Latency(millisAt(h, 50), millisAt(h, 90), millisAt(h, 99), h.getMaxValue() * NANOS_TO_MS,
                h.getMean() * NANOS_TO_MS);
    }

    private static List<PerfResult.LatencyPoint> distribution(Histogram h) {
        return PerfResult.DISTRIBUTION_PERCENTILES.stream()
                .map(p -> new PerfResult.LatencyPoint(p, millisAt(h, p))).toList();
    }

    /** The recorded nanoseconds at a percentile, in milliseconds: one formula for every percentile reported. */
    private static double millisAt(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) * NANOS_TO_MS;
    }
}
