package org.glamibench.models.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.files.JsonFiles;
import org.glamibench.models.FusionSettings;
import org.glamibench.models.ImageSettings;
import org.glamibench.models.ModelDevices;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.TextSettings;
import org.glamibench.models.TrainedModel;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.folder.ModelManifest;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;

/**
 * Trains a built-in model on a dataset's train split into a model folder.
 *
 * <p>Each epoch visits the training rows in a seeded random order, in batches prepared on a
 * worker pool (images decoded there, kept in a bounded cache for later epochs), one Adam step per
 * batch; then scores the validation rows (see {@link TrainingData}) and writes a checkpoint. The
 * same request on a folder holding a checkpoint resumes after its last finished epoch and ends
 * with the same parameters as an uninterrupted run (on the CPU): shuffling and EmbraceNet's draws
 * depend only on seed, epoch and batch, and the optimizer's state is saved. At the end the folder
 * holds {@code model.params} and {@code model.json}, and the checkpoint is removed.
 */
public final class ModelTrainer {
    /** Off a terminal, a progress line every this many batches. */
    static final int LOG_EVERY_BATCHES = 500;
    /** Items per forward pass when computing frozen encoders' features. */
    static final int FEATURE_BATCH = 128;
    /** Rows whose image failed listed by example in model.json. */
    static final int SKIPPED_EXAMPLES = 20;

    private final ProgressOutput progress;

    /** @param progress where progress and status lines go */
    public ModelTrainer(ProgressOutput progress) {
        this.progress = progress;
    }

    /**
     * What a training wrote.
     *
     * @param modelDir the model folder
     * @param manifest its model.json
     * @param resumed  the epochs found finished in a checkpoint (0 for a fresh start)
     */
    public record Outcome(Path modelDir, ModelManifest manifest, int resumed) {
    }

    /**
     * Trains into {@code modelDir}, resuming from its checkpoint when there is one.
     *
     * @param force train again over a finished model (its files are removed first)
     * @throws TrainingException       when the folder holds a finished model and force is off, or a
     *                                 checkpoint of another request
     * @throws IllegalArgumentException for an unusable device or input model folder
     * @throws org.glamibench.dataset.DatasetException for unusable data
     */
    public Outcome train(DatasetLayout layout, Path modelDir, TrainingSettings settings, boolean force)
            throws IOException, InterruptedException {
        ModelKind kind = settings.kind();
        if (ModelFolder.exists(modelDir) || (force && Checkpoint.exists(modelDir))) {
            if (!force) {
                throw new TrainingException(modelDir + " holds a trained " + kind.label() + " model; give --force to "
                        + "train it again, or another --out");
            }
            Files.deleteIfExists(modelDir.resolve(ModelFolder.MANIFEST));
            Files.deleteIfExists(modelDir.resolve(ModelFolder.PARAMETERS));
            Checkpoint.delete(modelDir);
        }
        Device device = ModelDevices.select(settings.device());
        EngineInfo engine = ModelDevices.describe(device);
        TrainingData data = TrainingData.read(layout, settings.humanLabelsOnly());
        JsonNode request = request(settings, data);
        Checkpoint resume = Checkpoint.exists(modelDir) ? Checkpoint.read(modelDir) : null;
        if (resume != null && !resume.request().equals(request)) {
            throw new TrainingException(modelDir + " holds an interrupted training of another request (" + resume.request()
                    + "); resume it with the same options, or give --force or another --out");
        }
        Files.createDirectories(modelDir);
        progress.println(String.format(Locale.ROOT, "training %s on %,d rows (%,d held out for validation) of %s, %s %s "
                        + "on %s%s", kind.label(), data.train().length, data.validation().length, layout.root(),
                engine.engine(), engine.engineVersion(), engine.device(),
                resume == null ? "" : "; resuming after epoch " + resume.epochsDone()));
        int ahead = settings.threads() + 1;
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "glami-bench-train-input");
            thread.setDaemon(true);
            return thread;
        });
        try (NDManager manager = NDManager.newBaseManager(device)) {
            manager.setName("training");
            NetworkStart start = new NetworkStart(manager, settings.seed(), modelDir, resume);
            boolean frozen = kind == ModelKind.EMBRACENET && !settings.endToEnd();
            List<ImageCache> caches = new ArrayList<>();
            ImageCache.Factory images = p -> {
                ImageCache cache = new ImageCache(layout, p, frozen ? 0 : settings.cacheBytes());
                caches.add(cache);
                return cache;
            };
            try (TrainingTask<?> task = task(settings, data, images, device, start, workers, ahead)) {
                return run(task, settings, data, modelDir, request, resume, engine, workers, ahead, manager, caches);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private TrainingTask<?> task(TrainingSettings settings, TrainingData data, ImageCache.Factory images, Device device,
                                 NetworkStart start, ExecutorService workers, int ahead) throws InterruptedException {
        return switch (settings.kind()) {
            case IMAGE -> {
                ImageSettings image = ImageSettings.glami(settings.imageFactor());
                yield new ImageTask(image, data, images.create(image.preprocessing()), start);
            }
            case TEXT -> new TextTask(TextSettings.defaults(), data, start);
            case EMBRACENET -> {
                FusionTask fusion = new FusionTask(settings.imageModel(), settings.textModel(), settings.labelSource(),
                        settings.endToEnd() ? FusionSettings.END_TO_END : FusionSettings.FROZEN, data, images, device, start);
                if (settings.endToEnd()) {
                    yield fusion;
                }
                try {
                    yield new FrozenFusionTask(fusion, data, start.manager(), workers, ahead, FEATURE_BATCH, progress);
                } catch (InterruptedException | RuntimeException e) {
                    fusion.close();
                    throw e;
                }
            }
        };
    }

    /**
     * What a resume must match: everything that changes the result except the number of epochs.
     * Normalised through its JSON text, so that it compares equal to the one read from state.json.
     */
    private static JsonNode request(TrainingSettings settings, TrainingData data) throws IOException {
        ObjectNode request = JsonFiles.MAPPER.createObjectNode();
        request.put("model", settings.kind().label());
        request.put("train_manifest_sha256", data.manifestSha256());
        request.put("class_index_sha256", data.classIndex().sha256());
        request.put("human_labels_only", settings.humanLabelsOnly());
        request.put("batch", settings.batch());
        request.put("learning_rate", Double.parseDouble(Float.toString(settings.learningRate())));
        request.put("seed", settings.seed());
        switch (settings.kind()) {
            case IMAGE -> request.put("image_factor", settings.imageFactor());
            case TEXT -> { }
            case EMBRACENET -> {
                request.put("label_source", settings.labelSource());
                request.put("encoders", settings.endToEnd() ? FusionSettings.END_TO_END : FusionSettings.FROZEN);
                request.put("image_model_sha256", ModelFolder.sha256(settings.imageModel().resolve(ModelFolder.MANIFEST)));
                request.put("text_model_sha256", ModelFolder.sha256(settings.textModel().resolve(ModelFolder.MANIFEST)));
            }
        }
        return JsonFiles.MAPPER.readTree(JsonFiles.MAPPER.writeValueAsString(request));
    }

    private <E> Outcome run(TrainingTask<E> task, TrainingSettings settings, TrainingData data, Path modelDir,
                            JsonNode request, Checkpoint resume, EngineInfo engine, ExecutorService workers, int ahead,
                            NDManager manager, List<ImageCache> caches) throws IOException, InterruptedException {
        List<Parameter> trainable = new ArrayList<>();
        for (Pair<String, Parameter> parameter : task.trained().getParameters()) {
            if (parameter.getValue().requiresGradient()) {
                trainable.add(parameter.getValue());
            }
        }
        Adam adam = new Adam(trainable, settings.learningRate());
        List<ModelManifest.Epoch> epochs = new ArrayList<>();
        Set<Integer> skipped = new LinkedHashSet<>();
        List<String> skippedExamples = new ArrayList<>();
        double seconds = 0;
        if (resume != null) {
            resume.restoreOptimizer(modelDir, adam, manager);
            epochs.addAll(resume.epochs());
            skipped.addAll(resume.skippedRows());
            skippedExamples.addAll(resume.skippedExamples());
            seconds = resume.seconds();
        }
        ParameterStore parameters = new ParameterStore(manager, false);
        Skips skips = new Skips(skipped, skippedExamples);
        String label = settings.kind().label();
        int firstEpoch = epochs.size() + 1;
        for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            int[] order = shuffled(data.train(), Seeds.of(settings.seed(), epoch));
            List<int[]> batches = chunks(order, settings.batch());
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            try (ExampleBatch.Prefetcher<E> prefetcher = new ExampleBatch.Prefetcher<>(task, data, batches, workers, ahead);
                 ProgressMeter meter = progress.meter(String.format(Locale.ROOT, "%s epoch %d/%d", label, epoch,
                         settings.epochs()), ProgressMeter.Unit.count("items"), order.length, 0)) {
                for (int b = 0; prefetcher.hasNext(); b++) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException(label + " training interrupted in epoch " + epoch);
                    }
                    ExampleBatch<E> batch = prefetcher.next();
                    skips.add(batch);
                    int n = batch.rows().size();
                    if (n > 0) {
                        List<SplittableRandom> draws = task.usesDraws() ? draws(settings.seed(), epoch, b, n) : null;
                        try (NDManager step = manager.newSubManager()) {
                            NDList inputs = task.inputs(step, batch.examples(), draws);
                            NDArray labels = step.create(labels(data, batch.rows()));
                            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                                NDArray logits = task.trained().forward(parameters, inputs, true).singletonOrThrow();
                                NDArray loss = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits));
                                collector.backward(loss);
                                lossSum += loss.getFloat() * n;
                                long[] predicted = logits.argMax(1).toLongArray();
                                long[] truth = labels.toLongArray();
                                for (int i = 0; i < n; i++) {
                                    correct += predicted[i] == truth[i] ? 1 : 0;
                                }
                            }
                            adam.step();
                        }
                        seen += n;
                    }
                    meter.add(n + batch.skipped().size());
                    String detail = String.format(Locale.ROOT, "loss %.3f  top-1 %.3f", lossSum / Math.max(1, seen),
                            correct / (double) Math.max(1, seen));
                    meter.detail(detail);
                    if (!progress.interactive() && (b + 1) % LOG_EVERY_BATCHES == 0) {
                        progress.println(String.format(Locale.ROOT, "%s epoch %d/%d: batch %,d/%,d, %s", label, epoch,
                                settings.epochs(), b + 1, batches.size(), detail));
                    }
                }
                meter.finish();
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            Validation validation = validate(task, data, parameters, manager, workers, ahead, settings.batch(), skips);
            double epochSeconds = (System.nanoTime() - start) / 1e9;
            seconds += epochSeconds;
            epochs.add(new ModelManifest.Epoch(epoch, lossSum / Math.max(1, seen), correct / (double) Math.max(1, seen),
                    validation.loss(), validation.top1(), validation.top5(), epochSeconds, seen / trainSeconds));
            progress.println(validation.describe(label, epoch, settings.epochs()));
            if (epoch == firstEpoch) {
                for (ImageCache cache : caches.stream().filter(cache -> cache.budgetBytes() > 0).toList()) {
                    progress.println(String.format(Locale.ROOT, "%s: %,d photos decoded, %,d kept in memory for the next "
                                    + "epochs (%s of at most %s)", label, cache.decoded(), cache.keptImages(),
                            ProgressMeter.formatBytes((double) cache.keptBytes()), ProgressMeter.formatBytes((double) cache.budgetBytes())));
                }
            }
            Checkpoint.write(modelDir, task.network(), adam, request, epoch, seconds, epochs, List.copyOf(skipped),
                    skippedExamples);
        }
        String parametersSha = ModelFolder.saveParameters(task.network(), modelDir.resolve(ModelFolder.PARAMETERS));
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, settings.kind().label(), task.architecture(),
                task.preprocessing(), JsonFiles.MAPPER.valueToTree(task.settings()),
                TrainedModel.parameterCount(task.network()), ModelManifest.Classes.of(data.classIndex()),
                new ModelManifest.Training(data.manifestSha256(), data.splitRows(), settings.humanLabelsOnly(),
                        data.train().length, data.validation().length, TrainingData.VALIDATION_RULE, skipped.size(),
                        skippedExamples, epochs.size(), settings.batch(), adam.describe(), settings.seed(),
                        engine.engine() + " " + engine.engineVersion(), engine.djlVersion(), engine.device(), seconds,
                        task.inputModels()),
                epochs, Map.of(ModelFolder.PARAMETERS, parametersSha));
        ModelFolder.write(modelDir, manifest);
        Checkpoint.delete(modelDir);
        return new Outcome(modelDir, manifest, resume == null ? 0 : resume.epochsDone());
    }

    /** Loss, top-1 and top-5 on the validation rows, in inference mode (EmbraceNet without draws). */
    private <E> Validation validate(TrainingTask<E> task, TrainingData data, ParameterStore parameters,
                                    NDManager manager, ExecutorService workers, int ahead, int batchSize, Skips skips)
            throws InterruptedException {
        double lossSum = 0;
        long top1 = 0;
        long top5 = 0;
        long seen = 0;
        try (ExampleBatch.Prefetcher<E> prefetcher = new ExampleBatch.Prefetcher<>(task, data,
                chunks(data.validation(), batchSize), workers, ahead)) {
            while (prefetcher.hasNext()) {
                ExampleBatch<E> batch = prefetcher.next();
                skips.add(batch);
                if (batch.rows().isEmpty()) {
                    continue;
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray logits = task.trained().forward(parameters, task.inputs(step, batch.examples(), null), false)
                            .singletonOrThrow();
                    float[][] logProbabilities = TrainedModel.rows(logits.logSoftmax(1));
                    for (int i = 0; i < batch.rows().size(); i++) {
                        int label = data.labels()[batch.rows().get(i)];
                        float[] row = logProbabilities[i];
                        lossSum -= row[label];
                        int higher = 0;
                        for (float value : row) {
                            higher += value > row[label] ? 1 : 0;
                        }
                        top1 += higher == 0 ? 1 : 0;
                        top5 += higher < 5 ? 1 : 0;
                    }
                    seen += batch.rows().size();
                }
            }
        }
        return seen == 0 ? new Validation(null, null, null, 0)
                : new Validation(lossSum / seen, top1 / (double) seen, top5 / (double) seen, seen);
    }

    /**
     * Validation metrics; null when there was no validation row.
     *
     * @param loss mean cross-entropy
     * @param top1 top-1 accuracy (a tie with the true class counts as a hit)
     * @param top5 top-5 accuracy
     * @param rows validation rows scored
     */
    record Validation(Double loss, Double top1, Double top5, long rows) {
        String describe(String label, int epoch, int epochs) {
            if (rows == 0) {
                return String.format(Locale.ROOT, "%s epoch %d/%d: no validation rows", label, epoch, epochs);
            }
            return String.format(Locale.ROOT, "%s epoch %d/%d: validation loss %.3f  top-1 %.3f  top-5 %.3f (%,d rows)",
                    label, epoch, epochs, loss, top1, top5, rows);
        }
    }

    /** The rows left out for unusable photos, each counted once, the first few described. */
    private record Skips(Set<Integer> rows, List<String> examples) {
        void add(ExampleBatch<?> batch) {
            for (int i = 0; i < batch.skipped().size(); i++) {
                if (rows.add(batch.skipped().get(i)) && examples.size() < SKIPPED_EXAMPLES) {
                    examples.add(batch.reasons().get(i));
                }
            }
        }
    }

    private static long[] labels(TrainingData data, List<Integer> rows) {
        long[] labels = new long[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.labels()[rows.get(i)];
        }
        return labels;
    }

    /** One generator per example of batch {@code b} of an epoch, for EmbraceNet's draws. */
    private static List<SplittableRandom> draws(long seed, int epoch, int batch, int size) {
        SplittableRandom base = Seeds.of(seed, epoch, batch, 1);
        List<SplittableRandom> randoms = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            randoms.add(base.split());
        }
        return randoms;
    }

    private static int[] shuffled(int[] values, SplittableRandom random) {
        int[] order = values.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static List<int[]> chunks(int[] values, int size) {
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < values.length; from += size) {
            chunks.add(Arrays.copyOfRange(values, from, Math.min(values.length, from + size)));
        }
        return chunks;
    }
}
