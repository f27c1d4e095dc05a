package org.glamibench.models.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.models.FusionInput;
import org.glamibench.models.FusionSettings;
import org.glamibench.models.TrainedModel;
import org.glamibench.models.input.LabelSourceCode;
import org.glamibench.models.nn.Batches;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;

/**
 * EmbraceNet on frozen encoders (the default): the image and text trunks' features of every row
 * are computed once, in inference mode, and only the fusion (docking layers and head) trains on
 * them, in seconds. Examples are those features; the set-up is a {@link FusionTask}'s.
 */
final class FrozenFusionTask implements TrainingTask<FrozenFusionTask.Features> {
    private final FusionTask encoders;
    private final FusionSettings settings;
    private final Features[] features;
    private final Map<Integer, ImageDecodeException> failures = new HashMap<>();

    /**
     * A row's trunk features and label-source position.
     *
     * @param image       the image trunk's features
     * @param text        the text trunk's features
     * @param labelSource the one-hot position, -1 for none
     */
    record Features(float[] image, float[] text, int labelSource) {
    }

    /** Computes the features of every row of {@code data} with the encoders of {@code encoders}. */
    FrozenFusionTask(FusionTask encoders, TrainingData data, NDManager manager, ExecutorService workers, int ahead,
                     int batch, ProgressOutput progress) throws InterruptedException {
        this.encoders = encoders;
        this.settings = encoders.fusionSettings();
        this.features = new Features[data.rows().size()];
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < data.rows().size(); from += batch) {
            int[] positions = new int[Math.min(batch, data.rows().size() - from)];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = from + i;
            }
            batches.add(positions);
        }
        ParameterStore parameters = new ParameterStore(manager, false);
        try (ExampleBatch.Prefetcher<FusionInput> prefetcher = new ExampleBatch.Prefetcher<>(encoders, data, batches,
                workers, ahead);
             ProgressMeter meter = progress.meter("embracenet: encoder features", ProgressMeter.Unit.count("items"),
                     data.rows().size(), 0)) {
            while (prefetcher.hasNext()) {
                ExampleBatch<FusionInput> prepared = prefetcher.next();
                for (int i = 0; i < prepared.skipped().size(); i++) {
                    failures.put(prepared.skipped().get(i), new ImageDecodeException(prepared.problems().get(i)));
                }
                if (!prepared.rows().isEmpty()) {
                    try (NDManager step = manager.newSubManager()) {
                        NDList out = encoders.fusionNetwork().features(parameters,
                                settings.batch(step, prepared.examples()), false);
                        float[][] image = TrainedModel.rows(out.get(0));
                        float[][] text = TrainedModel.rows(out.get(1));
                        for (int i = 0; i < prepared.rows().size(); i++) {
                            features[prepared.rows().get(i)] = new Features(image[i], text[i],
                                    prepared.examples().get(i).labelSource());
                        }
                    }
                }
                meter.add(prepared.rows().size() + prepared.skipped().size());
            }
            meter.finish();
        }
    }

    @Override
    public Block network() {
        return encoders.network();
    }

    @Override
    public Block trained() {
        return encoders.fusionNetwork().embrace();
    }

    @Override
    public Features example(int row) throws ImageDecodeException {
        Features found = features[row];
        if (found == null) {
            throw failures.get(row);
        }
        return found;
    }

    @Override
    public NDList inputs(NDManager manager, List<Features> examples, List<SplittableRandom> draws) {
        List<float[]> image = new ArrayList<>(examples.size());
        List<float[]> text = new ArrayList<>(examples.size());
        int[] sources = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            image.add(examples.get(i).image());
            text.add(examples.get(i).text());
            sources[i] = examples.get(i).labelSource();
        }
        NDList inputs = new NDList(Batches.stack(manager, image, new Shape(image.get(0).length)),
                Batches.stack(manager, text, new Shape(text.get(0).length)));
        if (settings.labelSource()) {
            inputs.add(Batches.oneHots(manager, sources, LabelSourceCode.VALUES.size()));
        }
        if (draws != null) {
            inputs.add(Batches.draws(manager, draws, settings.dockSize()));
        }
        return inputs;
    }

    @Override
    public boolean usesDraws() {
        return true;
    }

    @Override
    public Object settings() {
        return settings;
    }

    @Override
    public String architecture() {
        return encoders.architecture();
    }

    @Override
    public List<String> preprocessing() {
        return encoders.preprocessing();
    }

    @Override
    public Map<String, String> inputModels() {
        return encoders.inputModels();
    }

    @Override
    public void close() {
        encoders.close();
    }
}
