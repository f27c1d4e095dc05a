package org.glamibench.models.adapters;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.TextSettings;
import org.glamibench.models.TrainedModel;
import org.glamibench.models.input.TextHasher;

/** The {@code text} adapter: the bag of hashed words and n-grams; {@code prepare} hashes the text. */
public final class TextModelAdapter extends TrainedModelAdapter<int[]> {
    private TextSettings settings;
    private TextHasher hasher;

    public TextModelAdapter() {
        super(ModelKind.TEXT, Modality.TEXT, "fastText-style bag of hashed words and character n-grams (built-in baseline)");
    }

    @Override
    void opened(TrainedModel model, AdapterContext context) {
        settings = model.settings(TextSettings.class);
        hasher = settings.hasher();
    }

    @Override
    public int[] prepare(ItemInput item) {
        return hasher.ids(item.name(), item.description());
    }

    @Override
    NDList inputs(NDManager manager, List<int[]> batch) {
        return settings.batch(manager, batch);
    }
}
