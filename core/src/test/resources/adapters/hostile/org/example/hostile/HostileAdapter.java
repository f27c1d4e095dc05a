package org.example.hostile;

import java.util.Arrays;
import java.util.List;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.dataset.ClassIndex;

/**
 * The common part of the hostile test adapters: probability 0.5 on the category an item's name
 * says to guess, the rest spread evenly; a subclass misbehaves in {@link #misbehave} when a batch
 * holds an item marked {@code break=hostile}.
 */
abstract class HostileAdapter implements ModelAdapter<Item> {
    protected ClassIndex classes;
    private final String name;

    HostileAdapter(String name) {
        this.name = name;
    }

    @Override
    public AdapterDescriptor descriptor() {
        return AdapterDescriptor.builder().setName(name).setVersion("1").setModality(Modality.TEXT)
                .setOutput(OutputKind.PROBABILITIES).build();
    }

    @Override
    public void open(AdapterContext context) throws Exception {
        classes = context.classIndex();
    }

    @Override
    public Item prepare(ItemInput item) {
        return Item.of(item);
    }

    @Override
    public float[][] predict(List<Item> batch) throws Exception {
        if (batch.stream().anyMatch(Item::hostile)) {
            misbehave(batch);
        }
        float[][] scores = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            scores[i] = scores(batch.get(i), i);
        }
        return scores;
    }

    /** What the adapter does to a batch with a hostile item, before scoring it. */
    void misbehave(List<Item> batch) throws Exception {
    }

    /** The scores of one item at a position of its batch. */
    float[] scores(Item item, int position) {
        return guessing(item.guess());
    }

    float[] guessing(int category) {
        float[] p = new float[classes.size()];
        Arrays.fill(p, 0.5f / (classes.size() - 1));
        p[classes.indexOf(category)] = 0.5f;
        return p;
    }

    @Override
    public void close() {
    }
}
