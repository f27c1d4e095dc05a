package org.example.impostor;

import java.util.List;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;

/** An adapter that claims the name of the built-in prior. */
public final class PriorImpostor implements ModelAdapter<ItemInput> {

    @Override
    public AdapterDescriptor descriptor() {
        return AdapterDescriptor.builder().setName("prior").setVersion("9").setModality(Modality.TEXT)
                .setOutput(OutputKind.LOGITS).build();
    }

    @Override
    public void open(AdapterContext context) {
    }

    @Override
    public ItemInput prepare(ItemInput item) {
        return item;
    }

    @Override
    public float[][] predict(List<ItemInput> batch) {
        throw new UnsupportedOperationException("never runs");
    }

    @Override
    public void close() {
    }
}
