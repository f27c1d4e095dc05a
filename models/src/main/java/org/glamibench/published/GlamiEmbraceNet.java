package org.glamibench.published;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.glamibench.models.NativeBuild;
import org.glamibench.torch.StateDict;
import org.glamibench.torch.TorchFile;
import org.glamibench.torch.TorchFileException;

/**
 * The network of the published GLAMI-1M EmbraceNet checkpoint, loaded from its torch.save file for
 * float32 inference with DJL on the PyTorch engine, the image trunk optionally on ONNX Runtime
 * ({@link ImageEngine}). The original (classification/embracenet_utils.py)
 * computes, per item: the image features {@code x2 = pre_2(image)["avgpool"][:, :, 0, 0]} (ResNeXt-50
 * 32x4d), the docked vectors {@code relu(docking_i(x_i))} of width {@value #EMBRACEMENT_SIZE} for the
 * text features (i = 0), the image features (1) and the label_source one-hot (2), the embracement, then
 * {@code log_softmax(post(embraced))}.
 *
 * <p>Inputs are plain arrays: a text vector of {@link #textWidth()} values per item; a photo as
 * {@link #IMAGE_VALUES} floats in CHW order (3 x {@value #IMAGE_HEIGHT} x {@value #IMAGE_WIDTH}, RGB,
 * values in [0, 1], no normalisation); a label_source as its {@link #sourcePosition} index. Each call
 * works in its own NDManager scope, freed before it returns. One call at a time.
 */
public final class GlamiEmbraceNet implements AutoCloseable {
    /** The width of the docked vectors and of the embracement. */
    public static final int EMBRACEMENT_SIZE = 512;
    /** The photo height the network was trained on. */
    public static final int IMAGE_HEIGHT = 298;
    /** The photo width the network was trained on. */
    public static final int IMAGE_WIDTH = 228;
    /** The values of one photo: 3 x {@value #IMAGE_HEIGHT} x {@value #IMAGE_WIDTH}. */
    public static final int IMAGE_VALUES = 3 * IMAGE_HEIGHT * IMAGE_WIDTH;
    /** The modalities: text, image, label_source. */
    public static final int MODALITIES = 3;

    private final GlamiCheckpoint checkpoint;
    private final NDManager manager;
    private final ImageTrunk image;
    private final ImageEngine imageEngine;
    private final List<Dense> docking;
    private final Dense post;
    private final long parameterCount;

    private GlamiEmbraceNet(GlamiCheckpoint checkpoint, NDManager manager, ImageTrunk image, ImageEngine imageEngine,
                            List<Dense> docking, Dense post, long parameterCount) {
        this.checkpoint = checkpoint;
        this.manager = manager;
        this.image = image;
        this.imageEngine = imageEngine;
        this.docking = docking;
        this.post = post;
        this.parameterCount = parameterCount;
    }

    /** A Linear layer, {@code x W^T + b}. */
    private record Dense(NDArray weight, NDArray bias) {
        static Dense load(CheckpointParameters parameters, String prefix, long out, long in) {
            return new Dense(parameters.array(prefix + ".weight", out, in), parameters.array(prefix + ".bias", out));
        }

        NDArray apply(NDArray x) {
            return Linear.linear(x, weight, bias).singletonOrThrow();
        }
    }

    /**
     * Loads the checkpoint's network onto {@code device}, the image trunk on PyTorch:
     * {@code load(checkpointFile, device, ImageEngine.PYTORCH)}.
     *
     * @throws TorchFileException as {@link #load(Path, Device, ImageEngine)}
     */
    public static GlamiEmbraceNet load(Path checkpointFile, Device device) {
        return load(checkpointFile, device, ImageEngine.PYTORCH);
    }

    /**
     * Loads the checkpoint's network onto {@code device}, the image trunk on {@code imageEngine}: every
     * tensor of model_state_dict is mapped and checked (shape, float32 weights, int64
     * num_batches_tracked); the optimizer state is never read. The BatchNorm layers are folded into the
     * convolutions before them ({@link FoldedConv}). With {@link ImageEngine#ONNXRUNTIME} the folded
     * trunk is written as an ONNX graph and run by ONNX Runtime on {@code device} (a GPU through its
     * CUDA provider, in the GPU build only); its pooled features are then copied to {@code device} for
     * the docking layers and the head.
     *
     * @throws IllegalArgumentException when ONNX Runtime is asked for with a GPU device and the
     *                                  onnxruntime jar here has no CUDA provider (the CPU build)
     * @throws TorchFileException       naming the file when it cannot be read, a key is missing, mis-shaped
     *                                  or unexpected, or the binarizers are malformed
     *                                  ({@link GlamiCheckpoint#read})
     * @throws IllegalStateException    when ONNX Runtime cannot load the trunk's graph
     */
    public static GlamiEmbraceNet load(Path checkpointFile, Device device, ImageEngine imageEngine) {
        if (imageEngine == ImageEngine.ONNXRUNTIME && device.isGpu() && !NativeBuild.onnxRuntimeHasCuda()) {
            throw new IllegalArgumentException("image engine " + imageEngine.label() + " runs on the CPU only in this "
                    + "build, not " + device + ": the onnxruntime jar here has no CUDA provider (com.microsoft."
                    + "onnxruntime:onnxruntime_gpu is needed: the GPU build, GLAMI_BENCH_GPU=1 ./glami-bench ..., see "
                    + "docs/gpu.md); use image engine " + ImageEngine.PYTORCH.label() + " on a GPU");
        }
        try (TorchFile file = TorchFile.open(checkpointFile)) {
            GlamiCheckpoint checkpoint = GlamiCheckpoint.read(file);
            StateDict state = StateDict.of(file, checkpoint.modelStateDict(), "model_state_dict");
            NDManager manager = NDManager.newBaseManager(device, "PyTorch");
            manager.setName("published embracenet");
            ImageTrunk image = null;
            try {
                CheckpointParameters parameters = new CheckpointParameters(file.file(), state, manager);
                ResNeXt50 trunk = ResNeXt50.load(parameters, "pre_2.");
                Dense text = new Dense(parameters.matrix("embracenet.docking_0.weight", EMBRACEMENT_SIZE),
                        parameters.array("embracenet.docking_0.bias", EMBRACEMENT_SIZE));
                List<Dense> docking = List.of(text,
                        Dense.load(parameters, "embracenet.docking_1", EMBRACEMENT_SIZE, ResNeXt50.FEATURES),
                        Dense.load(parameters, "embracenet.docking_2", EMBRACEMENT_SIZE,
                                checkpoint.labelSources().size()));
                Dense post = Dense.load(parameters, "post", checkpoint.categories().size(), EMBRACEMENT_SIZE);
                parameters.requireAllTaken();
                image = imageEngine == ImageEngine.ONNXRUNTIME ? OnnxTrunk.load(trunk, file.file(), device)
                        : TorchTrunk.on(trunk, manager);
                return new GlamiEmbraceNet(checkpoint, manager, image, imageEngine, docking, post,
                        parameters.parameterCount());
            } catch (RuntimeException e) {
                if (image != null) {
                    image.close();
                }
                manager.close();
                throw e;
            }
        }
    }

    /** The engine that runs the image trunk. */
    public ImageEngine imageEngine() {
        return imageEngine;
    }

    /** The checkpoint's non-tensor content. */
    public GlamiCheckpoint checkpoint() {
        return checkpoint;
    }

    /** The category ids in score order (ascending). */
    public List<Integer> categories() {
        return checkpoint.categories();
    }

    /** The label sources in one-hot order. */
    public List<String> labelSources() {
        return checkpoint.labelSources();
    }

    /**
     * The one-hot position of a label_source; null and "" stand for "unknown", as the original's
     * fillna makes them.
     *
     * @throws IllegalArgumentException when the source_binarizer lacks the value; the message lists
     *                                  the known ones
     */
    public int sourcePosition(String labelSource) {
        return checkpoint.sourcePosition(labelSource);
    }

    /** The width of the text features, docking_0's input (16,384 for the published file). */
    public int textWidth() {
        return (int) docking.get(0).weight().getShape().get(1);
    }

    /** The number of trainable parameters (BatchNorm weights and biases included, running statistics not). */
    public long parameterCount() {
        return parameterCount;
    }

    /**
     * The pooled ResNeXt features of photos.
     *
     * @param imagesChw N photos of {@link #IMAGE_VALUES} values each
     * @return N x 2048
     * @throws IllegalArgumentException naming the item when a photo is null or has another length
     */
    public float[][] imageFeatures(float[][] imagesChw) {
        requireRows(imagesChw, "images", imagesChw == null ? 0 : imagesChw.length, IMAGE_VALUES);
        if (imagesChw.length == 0) {
            return new float[0][];
        }
        try (NDManager scope = manager.newSubManager()) {
            return rows(pooled(scope, imagesChw));
        }
    }

    /**
     * The docked vectors, after ReLU, of the three modalities.
     *
     * @param text          N text vectors of {@link #textWidth()} values
     * @param imageFeatures N vectors of 2048 pooled image features ({@link #imageFeatures})
     * @param sources       N label_source positions ({@link #sourcePosition})
     * @return [3][N][512]: text, image, label_source
     * @throws IllegalArgumentException naming the argument and item when the lengths disagree or a
     *                                  source position is out of range
     */
    public float[][][] docked(float[][] text, float[][] imageFeatures, int[] sources) {
        int n = requireItems(text, sources);
        requireRows(imageFeatures, "imageFeatures", n, ResNeXt50.FEATURES);
        if (n == 0) {
            return new float[MODALITIES][0][];
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList docked = docked(scope, text, scope.create(flatten(imageFeatures), new Shape(n, ResNeXt50.FEATURES)),
                    sources);
            float[][][] result = new float[MODALITIES][][];
            for (int m = 0; m < MODALITIES; m++) {
                result[m] = rows(docked.get(m));
            }
            return result;
        }
    }

    /**
     * The log-probabilities of the classes, in {@link #categories()} order.
     *
     * @param text      N text vectors of {@link #textWidth()} values
     * @param imagesChw N photos of {@link #IMAGE_VALUES} values
     * @param sources   N label_source positions ({@link #sourcePosition})
     * @param mode      the embracement
     * @param draws     for {@link Embracement#SAMPLED}, N x 512 modality indices (0 text, 1 image,
     *                  2 label_source), e.g. from {@link #draws}; null for {@link Embracement#EXPECTED}
     * @return N x classes, log_softmax over the classes
     * @throws IllegalArgumentException naming the argument and item when the lengths disagree, a source
     *                                  or draw is out of range, or draws is given for EXPECTED or
     *                                  missing for SAMPLED
     */
    public float[][] logProbabilities(float[][] text, float[][] imagesChw, int[] sources, Embracement mode,
                                      int[][] draws) {
        int n = requireItems(text, sources);
        requireRows(imagesChw, "images", n, IMAGE_VALUES);
        requireDraws(mode, draws, n);
        if (n == 0) {
            return new float[0][];
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList docked = docked(scope, text, pooled(scope, imagesChw), sources);
            NDArray stacked = NDArrays.stack(docked, 2);
            NDArray embraced = mode == Embracement.EXPECTED
                    ? stacked.mean(new int[] {2})
                    : stacked.gather(scope.create(flatten(draws), new Shape(n, EMBRACEMENT_SIZE, 1)), 2).squeeze(2);
            return rows(post.apply(embraced).logSoftmax(1));
        }
    }

    /**
     * Embracement draws, reproducible from one seed per item: for item {@code i}, a
     * {@link java.util.Random} seeded with {@code seeds[i]} (its specified 48-bit linear congruential
     * generator) gives {@code nextInt(3)} for the features 0 to 511 in order.
     *
     * @return seeds.length x 512 modality indices in 0..2
     */
    public static int[][] draws(long[] seeds) {
        int[][] draws = new int[seeds.length][EMBRACEMENT_SIZE];
        for (int i = 0; i < seeds.length; i++) {
            Random random = new Random(seeds[i]);
            for (int f = 0; f < EMBRACEMENT_SIZE; f++) {
                draws[i][f] = random.nextInt(MODALITIES);
            }
        }
        return draws;
    }

    /** Frees the weights and the ONNX Runtime session, if any. */
    @Override
    public void close() {
        try {
            image.close();
        } finally {
            manager.close();
        }
    }

    private NDList docked(NDManager scope, float[][] text, NDArray imageFeatures, int[] sources) {
        int n = sources.length;
        int width = labelSources().size();
        float[] oneHot = new float[n * width];
        for (int i = 0; i < n; i++) {
            oneHot[i * width + sources[i]] = 1f;
        }
        NDArray[] inputs = {
            scope.create(flatten(text), new Shape(n, textWidth())),
            imageFeatures,
            scope.create(oneHot, new Shape(n, width)),
        };
        NDList docked = new NDList(MODALITIES);
        for (int m = 0; m < MODALITIES; m++) {
            docked.add(Activation.relu(docking.get(m).apply(inputs[m])));
        }
        return docked;
    }

    /** The pooled image features, N x 2048, the trunk taking at most {@link ImageTrunk#imagesPerPass} at a time. */
    private NDArray pooled(NDManager scope, float[][] imagesChw) {
        int step = image.imagesPerPass();
        if (imagesChw.length <= step) {
            return image.features(scope, imagesChw);
        }
        NDList parts = new NDList();
        for (int from = 0; from < imagesChw.length; from += step) {
            float[][] chunk = Arrays.copyOfRange(imagesChw, from, Math.min(imagesChw.length, from + step));
            parts.add(image.features(scope, chunk));
        }
        return NDArrays.concat(parts, 0);
    }

    /** Photos as one [N, 3, height, width] array on {@code scope}. */
    static NDArray images(NDManager scope, float[][] imagesChw) {
        return scope.create(flatten(imagesChw), new Shape(imagesChw.length, 3, IMAGE_HEIGHT, IMAGE_WIDTH));
    }

    /** Checks text and sources, which every fused call takes; returns N. */
    private int requireItems(float[][] text, int[] sources) {
        if (sources == null) {
            throw new IllegalArgumentException("sources is null");
        }
        requireRows(text, "text", sources.length, textWidth());
        int known = labelSources().size();
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] < 0 || sources[i] >= known) {
                throw new IllegalArgumentException("sources[" + i + "] is " + sources[i] + ", not a position in "
                        + labelSources());
            }
        }
        return sources.length;
    }

    private static void requireDraws(Embracement mode, int[][] draws, int n) {
        if (mode == Embracement.EXPECTED) {
            if (draws != null) {
                throw new IllegalArgumentException("draws are given, but the expected embracement takes none");
            }
            return;
        }
        if (draws == null) {
            throw new IllegalArgumentException("the sampled embracement needs draws");
        }
        if (draws.length != n) {
            throw new IllegalArgumentException("draws has " + draws.length + " rows for " + n + " items");
        }
        for (int i = 0; i < n; i++) {
            if (draws[i] == null || draws[i].length != EMBRACEMENT_SIZE) {
                throw new IllegalArgumentException("draws[" + i + "] does not hold " + EMBRACEMENT_SIZE + " values");
            }
            for (int f = 0; f < EMBRACEMENT_SIZE; f++) {
                if (draws[i][f] < 0 || draws[i][f] >= MODALITIES) {
                    throw new IllegalArgumentException("draws[" + i + "][" + f + "] is " + draws[i][f]
                            + ", not a modality in 0.." + (MODALITIES - 1));
                }
            }
        }
    }

    private static void requireRows(float[][] rows, String name, int n, int width) {
        if (rows == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (rows.length != n) {
            throw new IllegalArgumentException(name + " has " + rows.length + " items, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            if (rows[i] == null || rows[i].length != width) {
                throw new IllegalArgumentException(name + "[" + i + "] has "
                        + (rows[i] == null ? "no" : String.valueOf(rows[i].length)) + " values, expected " + width);
            }
        }
    }

    /** Rows of equal length, one after the other. */
    static float[] flatten(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[Math.multiplyExact(rows.length, width)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }

    private static long[] flatten(int[][] rows) {
        long[] flat = new long[rows.length * EMBRACEMENT_SIZE];
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < EMBRACEMENT_SIZE; f++) {
                flat[i * EMBRACEMENT_SIZE + f] = rows[i][f];
            }
        }
        return flat;
    }

    private static float[][] rows(NDArray matrix) {
        int n = (int) matrix.getShape().get(0);
        int width = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }
}
