package org.example.scripted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.dataset.ClassIndex;

/**
 * A TEXT adapter that does what each item's name says (see {@link Script}): probability 0.5 on the
 * guessed category, the rest spread evenly, or one of the contract violations. The system property
 * {@code scripted.sleep-ms} pauses each predict call, for a run that must take a while (it is no
 * adapter option, so it does not change what the run is). Options: {@code prepare-ms} pauses each
 * prepare call; {@code journal} names a file to which open, every prepare and close append a line.
 */
public class ScriptedAdapter implements ModelAdapter<Script> {
    protected ClassIndex classes;
    private long sleepMillis;
    private long prepareMillis;
    private Path journal;

    @Override
    public AdapterDescriptor descriptor() {
        return AdapterDescriptor.builder().setName("scripted").setVersion("1.2").setModality(Modality.TEXT)
                .setOutput(OutputKind.PROBABILITIES).optParameterCount(7).optLicense("MIT")
                .optDescription("does what the item name says").build();
    }

    @Override
    public void open(AdapterContext context) {
        classes = context.classIndex();
        sleepMillis = Long.getLong("scripted.sleep-ms", 0);
        prepareMillis = Long.parseLong(context.option("prepare-ms", "0"));
        String journalFile = context.option("journal", "");
        journal = journalFile.isEmpty() ? null : Path.of(journalFile);
        journal("opened");
    }

    @Override
    public Script prepare(ItemInput item) throws InterruptedException {
        if (prepareMillis > 0) {
            Thread.sleep(prepareMillis);
        }
        journal("prepared " + item.name());
        if (item.image() != null && descriptor().modality() == Modality.TEXT) {
            throw new IllegalStateException("a TEXT adapter was given an image");
        }
        Script script = Script.of(item);
        if (script.brk().equals("prepare")) {
            throw new IllegalArgumentException("cannot prepare guess " + script.guess());
        }
        return script;
    }

    @Override
    public float[][] predict(List<Script> batch) throws InterruptedException {
        if (sleepMillis > 0) {
            Thread.sleep(sleepMillis);
        }
        if (Script.anyBreaks(batch, "throw")) {
            throw new IllegalStateException("cannot score this batch");
        }
        int vectors = Script.anyBreaks(batch, "count") ? batch.size() - 1 : batch.size();
        float[][] scores = new float[vectors][];
        for (int i = 0; i < vectors; i++) {
            scores[i] = scores(batch.get(i));
        }
        return scores;
    }

    /** The scores of one item, broken as its script says. */
    protected float[] scores(Script script) {
        int size = classes.size();
        int guess = classes.indexOf(script.guess());
        float[] p = new float[script.brk().equals("length") ? size + 1 : size];
        java.util.Arrays.fill(p, 0.5f / (size - 1));
        p[guess] = 0.5f;
        switch (script.brk()) {
            case "nan" -> p[0] = Float.NaN;
            case "inf" -> p[1] = Float.POSITIVE_INFINITY;
            case "negative" -> p[2] = -0.25f;
            case "sum" -> java.util.Arrays.fill(p, 0.5f);
            case "above1" -> {
                java.util.Arrays.fill(p, 0f);
                p[guess] = 1.0005f;
            }
            default -> {
            }
        }
        return p;
    }

    @Override
    public void close() {
        journal("closed");
    }

    private synchronized void journal(String line) {
        if (journal != null) {
            try {
                Files.writeString(journal, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
