package org.example.scripted;

import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;

/** An IMAGE adapter: needs each item's decoded 228x298 photo, then scores as the name says. */
public final class ScriptedImageAdapter extends ScriptedAdapter {

    @Override
    public AdapterDescriptor descriptor() {
        return AdapterDescriptor.builder().setName("scripted-image").setVersion("1.2").setModality(Modality.IMAGE)
                .setOutput(OutputKind.PROBABILITIES).build();
    }

    @Override
    public Script prepare(ItemInput item) throws InterruptedException {
        if (item.image() == null || item.image().width() != 228 || item.image().height() != 298) {
            throw new IllegalStateException("expected a 228x298 image, got " + item.image());
        }
        return super.prepare(item);
    }
}
