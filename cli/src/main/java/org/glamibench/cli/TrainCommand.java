package org.glamibench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.folder.ModelManifest;
import org.glamibench.models.train.ModelTrainer;
import org.glamibench.models.train.TrainingSettings;
import org.glamibench.progress.ProgressOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glami-bench train}: trains a built-in model on a dataset's train split into a model folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a built-in model (image, text or embracenet) on the train split and writes a model folder: "
                + "model.params and model.json (architecture, preprocessing, class index, training data hash, epochs, "
                + "validation metrics, file hashes). Evaluate it with 'glami-bench eval --adapter MODEL "
                + "--adapter-option model=DIR'.",
            "About 10%% of the train rows (chosen by image) are held out for validation. A checkpoint is written after "
                + "every epoch: an interrupted training resumes when the same command is given again."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL", required = true, description = "image, text or embracenet.")
    private String model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The GLAMI-1M-dataset folder or a folder containing it (default: $EXTRACT_DIR/GLAMI-1M-dataset, EXTRACT_DIR defaulting to /tmp/GLAMI-1M).")
    private Path data;

    @Option(names = "--out", paramLabel = "MODEL_DIR", description = "The model folder (default: target/models/<model>).")
    private Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: image 4, text 5, embracenet 8).")
    private Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Items per step (default: 64, as the published baselines).")
    private Integer batch;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam's learning rate (default: text 0.01, image and embracenet 0.001).")
    private Float learningRate;

    @Mixin
    private DeviceOption deviceOption;

    @Option(names = "--human-labels-only", description = "Train only on rows whose label_source is admin, quality-check or custom-tag.")
    private boolean humanLabelsOnly;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of initialisation, shuffling and EmbraceNet's draws (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Image decoding threads (default: the number of cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--image-factor", paramLabel = "F", description = "image: shrink photos by 1, 2 or 4 (default: 4, 57x74 pixels). embracenet takes its image model's.")
    private Integer imageFactor;

    @Option(names = "--label-source", description = "embracenet: label_source one-hot as a third modality, as published (default: off).")
    private boolean labelSource;

    @Option(names = "--end-to-end", description = "embracenet: train the image and text encoders too (default: frozen, only the fusion trains).")
    private boolean endToEnd;

    @Option(names = "--image-model", paramLabel = "DIR", description = "embracenet: the trained image model (default: the folder 'image' beside MODEL_DIR).")
    private Path imageModel;

    @Option(names = "--text-model", paramLabel = "DIR", description = "embracenet: the trained text model (default: the folder 'text' beside MODEL_DIR).")
    private Path textModel;

    @Option(names = "--force", description = "Train again over a trained model (or an interrupted training) in MODEL_DIR.")
    private boolean force;

    @Override
    public Integer call() throws Exception {
        Path modelDir;
        TrainingSettings settings;
        try {
            ModelKind kind = ModelKind.of(model.toLowerCase(Locale.ROOT));
            modelDir = out != null ? out : kind.defaultFolder();
            settings = settings(kind, modelDir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        DatasetLayout layout = DatasetLayout.locate(data, System.getenv());
        ProgressOutput progress = ProgressOutput.of(spec.commandLine().getErr());
        ModelTrainer.Outcome outcome = new ModelTrainer(progress).train(layout, modelDir, settings, force);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(summary(outcome));
        stdout.flush();
        return 0;
    }

    private TrainingSettings settings(ModelKind kind, Path modelDir) {
        if (imageFactor != null && kind != ModelKind.IMAGE) {
            throw new IllegalArgumentException("--image-factor applies to --model image; embracenet takes its image model's");
        }
        if ((labelSource || endToEnd || imageModel != null || textModel != null) && kind != ModelKind.EMBRACENET) {
            throw new IllegalArgumentException("--label-source, --end-to-end, --image-model and --text-model apply to "
                    + "--model embracenet");
        }
        TrainingSettings.Builder builder = TrainingSettings.builder(kind).optSeed(seed)
                .optHumanLabelsOnly(humanLabelsOnly).optDevice(deviceOption.device()).optThreads(threads)
                .optLabelSource(labelSource).optEndToEnd(endToEnd);
        if (epochs != null) {
            builder.optEpochs(epochs);
        }
        if (batch != null) {
            builder.optBatch(batch);
        }
        if (learningRate != null) {
            builder.optLearningRate(learningRate);
        }
        if (imageFactor != null) {
            builder.optImageFactor(imageFactor);
        }
        if (kind == ModelKind.EMBRACENET) {
            Path siblings = modelDir.toAbsolutePath().getParent();
            builder.optEncoders(imageModel != null ? imageModel : siblings.resolve(ModelKind.IMAGE.label()),
                    textModel != null ? textModel : siblings.resolve(ModelKind.TEXT.label()));
        }
        return builder.build();
    }

    static String summary(ModelTrainer.Outcome outcome) {
        ModelManifest manifest = outcome.manifest();
        ModelManifest.Epoch last = manifest.lastEpoch();
        String validation = last == null || last.validationTop1() == null ? "no validation rows"
                : String.format(Locale.ROOT, "validation top-1 %.3f, top-5 %.3f", last.validationTop1(),
                        last.validationTop5());
        return String.format(Locale.ROOT, "%s model written to %s: %,d parameters, %d epochs on %,d rows, %s; "
                        + "training took %.1f s%s",
                manifest.model(), outcome.modelDir(), manifest.parameterCount(), manifest.epochs().size(),
                manifest.training().trainRows(), validation, manifest.training().seconds(),
                outcome.resumed() > 0 ? " (resumed after epoch " + outcome.resumed() + ")" : "");
    }
}
