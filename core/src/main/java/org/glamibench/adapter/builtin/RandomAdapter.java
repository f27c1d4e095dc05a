package org.glamibench.adapter.builtin;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.stats.SeedMix;

/**
 * The chance baseline: independent uniform scores in [0, 1) per class, normalised to sum to 1.
 * The draws of an item depend only on the run seed and the item's text, geo and label source,
 * so the same input gets the same scores in any batch, after a resume, and in any order.
 */
public final class RandomAdapter implements ModelAdapter<Long> {
    private long seed;
    private int classes;

    @Override
    public AdapterDescriptor descriptor() {
        return AdapterDescriptor.builder().setName("random").setVersion("1").setModality(Modality.NONE)
                .setOutput(OutputKind.PROBABILITIES).optParameterCount(0).optLicense("Apache-2.0")
                .optDescription("uniform random scores, seeded per item: the chance baseline").build();
    }

    /** @throws IllegalArgumentException for any option: random takes none */
    @Override
    public AdapterDescriptor descriptor(Map<String, String> options) {
        NoSettings.refuseOptions("random", options);
        return descriptor();
    }

    /** @throws IllegalArgumentException for an option or a GPU */
    @Override
    public void open(AdapterContext context) {
        NoSettings.refuseOptions("random", context.options());
        NoSettings.refuseGpu("random", context.device());
        seed = context.seed();
        classes = context.classIndex().size();
    }

    @Override
    public Long prepare(ItemInput item) {
        return SeedMix.of(seed, (item.text() + '\u0000' + item.geo().code() + '\u0000' + item.labelSource()).hashCode());
    }

    @Override
    public float[][] predict(List<Long> batch) {
        float[][] scores = new float[batch.size()][classes];
        for (int i = 0; i < batch.size(); i++) {
            SplittableRandom random = new SplittableRandom(batch.get(i));
            double sum = 0;
            double[] draws = new double[classes];
            for (int c = 0; c < classes; c++) {
                draws[c] = random.nextDouble();
                sum += draws[c];
            }
            for (int c = 0; c < classes; c++) {
                scores[i][c] = (float) (draws[c] / sum);
            }
        }
        return scores;
    }

    @Override
    public void close() {
    }
}
