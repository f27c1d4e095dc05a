package org.example.scripted;

import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;

/** Logits instead of probabilities: 3 for the guessed category, {@code 0.25 * index} for the others. */
public final class ScriptedLogitsAdapter extends ScriptedAdapter {

    @Override
    public AdapterDescriptor descriptor() {
        return AdapterDescriptor.builder().setName("scripted-logits").setVersion("1.2").setModality(Modality.TEXT)
                .setOutput(OutputKind.LOGITS).build();
    }

    @Override
    protected float[] scores(Script script) {
        float[] logits = new float[classes.size()];
        for (int c = 0; c < logits.length; c++) {
            logits[c] = 0.25f * c;
        }
        logits[classes.indexOf(script.guess())] = 3f;
        return logits;
    }
}
