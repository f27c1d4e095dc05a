package org.glamibench.models.adapters;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.models.ImageSettings;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.TrainedModel;
import org.glamibench.models.input.ImagePreprocessing;

/**
 * The {@code image} adapter: the small CNN on the photo. {@code prepare} shrinks the photo to
 * the model's input (a photo of another size is an adapter error for that item).
 */
public final class ImageModelAdapter extends TrainedModelAdapter<float[]> {
    private ImageSettings settings;
    private ImagePreprocessing preprocessing;

    public ImageModelAdapter() {
        super(ModelKind.IMAGE, Modality.IMAGE, "small CNN on the photo (built-in baseline)");
    }

    @Override
    void opened(TrainedModel model, AdapterContext context) {
        settings = model.settings(ImageSettings.class);
        preprocessing = settings.preprocessing();
    }

    @Override
    public float[] prepare(ItemInput item) {
        return preprocessing.floats(item.image());
    }

    @Override
    NDList inputs(NDManager manager, List<float[]> batch) {
        return settings.batch(manager, batch);
    }
}
