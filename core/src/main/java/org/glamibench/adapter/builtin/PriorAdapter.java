package org.glamibench.adapter.builtin;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;

/**
 * The majority baseline: every item gets the class frequencies of the train split, so its top-1
 * is the largest class. Frequencies are add-one smoothed ({@code (count + 1) / (rows + classes)})
 * so that no class has probability 0 and the NLL stays finite. Needs the train split.
 */
public final class PriorAdapter implements ModelAdapter<Object> {
    private static final Object NO_INPUT = new Object();
    private float[] prior;

    @Override
    public AdapterDescriptor descriptor() {
        return AdapterDescriptor.builder().setName("prior").setVersion("1").setModality(Modality.NONE)
                .setOutput(OutputKind.PROBABILITIES).optParameterCount(0).optLicense("Apache-2.0")
                .optDescription("class frequencies of the train split (add-one smoothed): the majority baseline")
                .build();
    }

    /** @throws IllegalArgumentException for any option: prior takes none */
    @Override
    public AdapterDescriptor descriptor(Map<String, String> options) {
        NoSettings.refuseOptions("prior", options);
        return descriptor();
    }

    /** @throws IllegalArgumentException for an option or a GPU */
    @Override
    public void open(AdapterContext context) {
        NoSettings.refuseOptions("prior", context.options());
        NoSettings.refuseGpu("prior", context.device());
        Path train = context.trainCsv().orElseThrow(() -> new IllegalStateException(
                "prior needs the train split (" + "GLAMI-1M-train.csv" + ") to count class frequencies"));
        ClassIndex classes = context.classIndex();
        long[] counts = new long[classes.size()];
        long rows = 0;
        try (GlamiCsvReader reader = GlamiCsvReader.open(train, GlamiCsvReader.Mode.LENIENT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                int index = classes.indexOf(row.category());
                if (index >= 0) {
                    counts[index]++;
                    rows++;
                }
            }
        }
        prior = new float[counts.length];
        for (int c = 0; c < counts.length; c++) {
            prior[c] = (float) ((counts[c] + 1.0) / (rows + counts.length));
        }
    }

    @Override
    public Object prepare(ItemInput item) {
        return NO_INPUT;
    }

    @Override
    public float[][] predict(List<Object> batch) {
        float[][] scores = new float[batch.size()][];
        Arrays.setAll(scores, i -> prior.clone());
        return scores;
    }

    @Override
    public void close() {
        prior = null;
    }
}
