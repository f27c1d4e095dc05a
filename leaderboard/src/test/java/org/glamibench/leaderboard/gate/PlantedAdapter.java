package org.glamibench.leaderboard.gate;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.image.RgbImage;
import org.glamibench.models.adapters.EmbraceNetAdapter;
import org.glamibench.models.adapters.ImageModelAdapter;
import org.glamibench.models.adapters.TextModelAdapter;
import org.glamibench.models.input.TextHasher;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.registry.Isolation;

/**
 * A built-in model adapter with a regression planted in how it prepares an item, as a broken
 * change to the harness would plant it: the gate must catch each. Everything else (options, open,
 * predict, descriptor) is the built-in's.
 *
 * @param <P> the built-in's prepared input
 */
// close() throws what the built-in's close() may throw, as ModelAdapter declares it.
@SuppressWarnings("try")
final class PlantedAdapter<P> implements ModelAdapter<P> {
    /** How the broken code prepares an item, given the built-in adapter. */
    interface Plant<P> {
        P prepare(ModelAdapter<P> model, ItemInput item) throws Exception;
    }

    private final ModelAdapter<P> model;
    private final Plant<P> plant;

    private PlantedAdapter(ModelAdapter<P> model, Plant<P> plant) {
        this.model = model;
        this.plant = plant;
    }

    /** {@code image} fed its photos upside down. */
    static AdapterRegistry.Entry imageUpsideDown() {
        return entry(() -> new PlantedAdapter<>(new ImageModelAdapter(),
                (model, item) -> model.prepare(withImage(item, upsideDown(item.image())))));
    }

    /**
     * {@code text} hashing its text without lower-casing it (the built-in model's hashing is
     * {@link TextHasher#defaults()}).
     */
    static AdapterRegistry.Entry textCaseKept() {
        return entry(() -> new PlantedAdapter<>(new TextModelAdapter(),
                (model, item) -> TextHasher.defaults().normalisedIds(Normalizer.normalize(item.text(), Normalizer.Form.NFKC))));
    }

    /** {@code embracenet} with its image branch fed black photos (all input zero). */
    static AdapterRegistry.Entry embracenetImageBlanked() {
        return entry(() -> new PlantedAdapter<>(new EmbraceNetAdapter(), (model, item) -> model.prepare(withImage(item,
                new RgbImage(item.image().width(), item.image().height(), new byte[item.image().pixels().length])))));
    }

    private static AdapterRegistry.Entry entry(Supplier<ModelAdapter<?>> factory) {
        return new AdapterRegistry.Entry(factory.get().descriptor(), null, Isolation.IN_PROCESS, factory);
    }

    private static ItemInput withImage(ItemInput item, RgbImage image) {
        return new ItemInput(image, item.name(), item.description(), item.geo(), item.labelSource());
    }

    private static RgbImage upsideDown(RgbImage image) {
        int row = image.width() * 3;
        byte[] flipped = new byte[image.pixels().length];
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.pixels(), y * row, flipped, (image.height() - 1 - y) * row, row);
        }
        return new RgbImage(image.width(), image.height(), flipped);
    }

    @Override
    public AdapterDescriptor descriptor() {
        return model.descriptor();
    }

    @Override
    public void open(AdapterContext context) throws Exception {
        model.open(context);
    }

    @Override
    public P prepare(ItemInput item) throws Exception {
        return plant.prepare(model, item);
    }

    @Override
    public float[][] predict(List<P> batch) throws Exception {
        return model.predict(batch);
    }

    @Override
    public Optional<EngineInfo> engine() {
        return model.engine();
    }

    @Override
    public void close() throws Exception {
        model.close();
    }
}
