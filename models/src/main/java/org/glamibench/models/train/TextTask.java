package org.glamibench.models.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.List;
import java.util.SplittableRandom;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.models.TextSettings;
import org.glamibench.models.input.TextHasher;

/** The text model: examples are the texts' hashed ids. */
final class TextTask implements TrainingTask<int[]> {
    private final TextSettings settings;
    private final TextHasher hasher;
    private final TrainingData data;
    private final Block network;

    TextTask(TextSettings settings, TrainingData data, NetworkStart start) {
        this.settings = settings;
        this.hasher = settings.hasher();
        this.data = data;
        this.network = start.begin(settings.newClassifier(data.classIndex().size()), settings.inputShapes());
    }

    @Override
    public Block network() {
        return network;
    }

    @Override
    public Block trained() {
        return network;
    }

    @Override
    public int[] example(int row) {
        GlamiRow item = data.rows().get(row);
        return hasher.ids(item.name(), item.description());
    }

    @Override
    public NDList inputs(NDManager manager, List<int[]> examples, List<SplittableRandom> draws) {
        return settings.batch(manager, examples);
    }

    @Override
    public Object settings() {
        return settings;
    }

    @Override
    public String architecture() {
        return settings.architecture(data.classIndex().size());
    }

    @Override
    public List<String> preprocessing() {
        return List.of("text: " + hasher.describe());
    }
}
