package org.glamibench.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.dataset.TestManifest;
import org.glamibench.download.FileDigest;
import org.glamibench.features.ItemFeatureTable;
import org.glamibench.features.ItemFeatureWriter;
import org.glamibench.models.ModelDevices;
import org.glamibench.mt5.Mt5TextFeatures;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.glamibench.dataset.ClassIndexCollector;

/**
 * {@code glami-bench text-features}: the published baseline's text features of a split, computed
 * with an mT5 encoder and written as the {@code text-features=DIR} option of
 * {@code baseline:glami-embracenet} reads them. Resumable: the same command after an interruption
 * continues after the last batch written.
 */
@Command(name = "text-features", mixinStandardHelpOptions = true,
        description = {"Computes the published GLAMI-1M baseline's text features of a split with an mT5 encoder "
                + "(name + \" \" + description, 32 tokens, last hidden state times the attention mask, token-major) "
                + "and writes DIR/item_ids.npy (int64 [n], the split's order) and DIR/features.npy (float32 "
                + "[n, 32 x d_model]), as --adapter-option text-features=DIR reads them.",
            "An interrupted run continues where it stopped when the same command is given again."})
final class TextFeaturesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--text-model", paramLabel = "DIR", required = true,
            description = "The encoder's Hugging Face files: config.json, pytorch_model.bin, spiece.model "
                    + "(google/mt5-small for the published model).")
    private Path textModel;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The features folder to write.")
    private Path out;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "test or train (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--text-mask", paramLabel = "true|false", arity = "1", defaultValue = "true",
            description = "Multiply the states by the attention mask, as the original's latest code does (default: ${DEFAULT-VALUE}).")
    private boolean textMask;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Texts per encoder call (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Mixin
    private DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        DatasetLayout layout = dataOptions.layout();
        Split chosen = Options.split(split);
        PrintWriter printer = spec.commandLine().getOut();
        ProgressOutput progress = new ProgressOutput(spec.commandLine().getErr(), ProgressOutput.onTerminal());
        ClassIndex classIndex = ClassIndexCollector.read(layout, dataOptions.mode());
        List<GlamiRow> rows = new ArrayList<>();
        TestManifest.Builder manifest = new TestManifest.Builder(false);
        try (SplitReader reader = SplitReader.open(layout, chosen, classIndex, dataOptions.mode())) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
                manifest.add(row);
            }
            reader.problems().forEach(problem -> progress.println("skipped " + problem));
        }
        long[] ids = rows.stream().mapToLong(GlamiRow::itemId).toArray();
        try (Mt5TextFeatures encoder = Mt5TextFeatures.open(textModel, ModelDevices.select(deviceOption.device()),
                textMask);
             ItemFeatureWriter writer = ItemFeatureWriter.open(out, ids, encoder.width(),
                     identity(chosen, manifest.build()))) {
            if (writer.done() > 0 && writer.done() < writer.rows()) {
                progress.println("resuming " + out + ": " + writer.done() + " of " + writer.rows() + " rows written");
            }
            try (ProgressMeter meter = progress.meter("text-features", ProgressMeter.Unit.count("texts"), rows.size(),
                    writer.done())) {
                for (int from = writer.done(); from < rows.size(); from += batch) {
                    List<String> texts = new ArrayList<>();
                    for (GlamiRow row : rows.subList(from, Math.min(rows.size(), from + batch))) {
                        texts.add(row.name() + " " + row.description());
                    }
                    writer.append(encoder.features(texts));
                    meter.add(texts.size());
                }
                meter.finish();
            }
            writer.finish();
            printer.printf(Locale.ROOT, "%,d text features of %d floats written to %s (%s, %s)%n", writer.rows(),
                    encoder.width(), out, out.resolve(ItemFeatureTable.ITEM_IDS).getFileName(),
                    out.resolve(ItemFeatureTable.FEATURES).getFileName());
            printer.flush();
        }
        return 0;
    }

    /** What the features are computed from: the encoder's files, the mask, the split. */
    private Map<String, Object> identity(Split chosen, TestManifest manifest) {
        ProgressOutput quiet = new ProgressOutput(new PrintWriter(Writer.nullWriter()), false);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("format", "glami-bench-text-features/1");
        identity.put("text", "name + \" \" + description, T5Tokenizer max_length " + Mt5TextFeatures.MAX_LENGTH
                + ", last_hidden_state flattened token-major");
        for (String file : List.of("config.json", "spiece.model", "pytorch_model.bin")) {
            identity.put(file.replace('.', '_') + "_sha256", FileDigest.sha256(textModel.resolve(file), quiet, file));
        }
        identity.put("text_mask", textMask);
        identity.put("split", chosen.label());
        identity.put("manifest_sha256", manifest.sha256());
        return identity;
    }
}
