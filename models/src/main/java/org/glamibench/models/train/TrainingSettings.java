package org.glamibench.models.train;

import java.nio.file.Path;
import java.util.Objects;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.input.ImagePreprocessing;

/**
 * What to train. Built with {@link #builder(ModelKind)}: defaults per model kind, {@code opt*}
 * to change them.
 *
 * @param kind            the model
 * @param epochs          epochs to train, at least 1
 * @param batch           items per step, at least 1
 * @param learningRate    Adam's learning rate
 * @param seed            seed of initialisation, shuffling and EmbraceNet's draws
 * @param humanLabelsOnly train only on rows whose label_source is admin, quality-check or custom-tag
 * @param device          the device to train on
 * @param threads         image decoding threads, at least 1
 * @param imageFactor     image shrink factor (image model), 1, 2 or 4
 * @param labelSource     EmbraceNet: label_source as a third modality
 * @param endToEnd        EmbraceNet: train the encoders too (else frozen)
 * @param imageModel      EmbraceNet: the trained image model's folder
 * @param textModel       EmbraceNet: the trained text model's folder
 * @param cacheBytes      most bytes of decoded images kept in memory across epochs
 */
public record TrainingSettings(ModelKind kind, int epochs, int batch, float learningRate, long seed,
                               boolean humanLabelsOnly, DeviceSpec device, int threads, int imageFactor,
                               boolean labelSource, boolean endToEnd, Path imageModel, Path textModel,
                               long cacheBytes) {

    /** @throws IllegalArgumentException for a value out of range or a missing EmbraceNet input */
    public TrainingSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(device, "device");
        atLeastOne("--epochs", epochs);
        atLeastOne("--batch", batch);
        atLeastOne("--threads", threads);
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--learning-rate must be positive, got " + learningRate);
        }
        ImagePreprocessing.glami(imageFactor);
        if (kind == ModelKind.EMBRACENET && (imageModel == null || textModel == null)) {
            throw new IllegalArgumentException("embracenet needs the trained image and text model folders");
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("image cache size must not be negative, got " + cacheBytes);
        }
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }

    /** Default epochs of a model kind (what the quickstart trains). */
    public static int defaultEpochs(ModelKind kind) {
        return switch (kind) {
            case IMAGE -> 4;
            case TEXT -> 5;
            case EMBRACENET -> 8;
        };
    }

    /**
     * Default learning rate of a model kind: 0.001 (Adam's usual) for the CNN and the fusion; 0.01
     * for the text model, whose embedding rows each see few gradients (at 0.001 it stays near the
     * class prior for epochs on the sample).
     */
    public static float defaultLearningRate(ModelKind kind) {
        return kind == ModelKind.TEXT ? 1e-2f : 1e-3f;
    }

    /** Default batch of a model kind: 64, the published baselines' batch. */
    public static int defaultBatch(ModelKind kind) {
        return 64;
    }

    /** A builder with the kind's defaults. */
    public static Builder builder(ModelKind kind) {
        return new Builder(kind);
    }

    /** Builds settings; every field but the kind has a default. */
    public static final class Builder {
        private final ModelKind kind;
        private int epochs;
        private int batch;
        private float learningRate;
        private long seed = 1;
        private boolean humanLabelsOnly;
        private DeviceSpec device = DeviceSpec.CPU;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int imageFactor = ImagePreprocessing.DEFAULT_FACTOR;
        private boolean labelSource;
        private boolean endToEnd;
        private Path imageModel;
        private Path textModel;
        private long cacheBytes = Runtime.getRuntime().maxMemory() / 2;

        private Builder(ModelKind kind) {
            this.kind = kind;
            this.epochs = defaultEpochs(kind);
            this.batch = defaultBatch(kind);
            this.learningRate = defaultLearningRate(kind);
        }

        /** Epochs to train. */
        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Items per step. */
        public Builder optBatch(int batch) {
            this.batch = batch;
            return this;
        }

        /** Adam's learning rate. */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Seed of initialisation, shuffling and EmbraceNet's draws. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Train only on rows labelled by people. */
        public Builder optHumanLabelsOnly(boolean humanLabelsOnly) {
            this.humanLabelsOnly = humanLabelsOnly;
            return this;
        }

        /** The device to train on. */
        public Builder optDevice(DeviceSpec device) {
            this.device = device;
            return this;
        }

        /** Image decoding threads. */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The image model's shrink factor: 1, 2 or 4. */
        public Builder optImageFactor(int imageFactor) {
            this.imageFactor = imageFactor;
            return this;
        }

        /** EmbraceNet: label_source as a third modality. */
        public Builder optLabelSource(boolean labelSource) {
            this.labelSource = labelSource;
            return this;
        }

        /** EmbraceNet: train the encoders too. */
        public Builder optEndToEnd(boolean endToEnd) {
            this.endToEnd = endToEnd;
            return this;
        }

        /** EmbraceNet's inputs: the trained image and text model folders. */
        public Builder optEncoders(Path imageModel, Path textModel) {
            this.imageModel = imageModel;
            this.textModel = textModel;
            return this;
        }

        /** Most bytes of decoded images kept in memory across epochs. */
        public Builder optCacheBytes(long cacheBytes) {
            this.cacheBytes = cacheBytes;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException for a value out of range
         */
        public TrainingSettings build() {
            return new TrainingSettings(kind, epochs, batch, learningRate, seed, humanLabelsOnly, device, threads,
                    imageFactor, labelSource, endToEnd, imageModel, textModel, cacheBytes);
        }
    }
}
