package org.glamibench.mt5;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.glamibench.torch.StateDict;
import org.glamibench.torch.TorchFile;
import org.glamibench.torch.TorchFileException;

/**
 * The mT5 / T5 v1.1 encoder (Hugging Face's {@code MT5EncoderModel}), float32, inference only, on the
 * PyTorch engine: token embedding (not scaled), blocks of {@link Mt5Block}, final RMS norm. The relative
 * position bias of block 0 serves every block. Not thread-safe: one caller at a time.
 */
public final class Mt5Encoder implements AutoCloseable {
    /** The weights file of a model folder. */
    public static final String WEIGHTS_FILE = "pytorch_model.bin";
    /** The configuration file of a model folder. */
    public static final String CONFIG_FILE = "config.json";

    private static final String SHARED = "shared.weight";
    private static final String ENCODER_EMBEDDING = "encoder.embed_tokens.weight";
    private static final String RELATIVE_BIAS = "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight";
    private static final String FINAL_NORM = "encoder.final_layer_norm.weight";

    private final Mt5Config config;
    private final NDManager manager;
    private final NDArray embedding;
    private final RelativePositionBias positionBias;
    private final List<Mt5Block> blocks;
    private final NDArray finalNorm;

    private Mt5Encoder(Mt5Config config, NDManager manager, StateDict state) {
        this.config = config;
        this.manager = manager;
        long vocab = config.vocabSize();
        long d = config.dModel();
        String embeddingKey = state.has(SHARED) ? SHARED : ENCODER_EMBEDDING;
        this.embedding = Weights.array(state, manager, embeddingKey, vocab, d);
        if (state.has(SHARED) && state.has(ENCODER_EMBEDDING)) {
            state.take(ENCODER_EMBEDDING, vocab, d); // Hugging Face ties it to shared.weight: only its shape counts
        }
        this.positionBias = new RelativePositionBias(state.take(RELATIVE_BIAS, config.buckets(), config.heads())
                .toFloats(), config.buckets(), config.heads(), config.maxDistance());
        List<Mt5Block> loaded = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            loaded.add(new Mt5Block(state, i, config, manager));
        }
        this.blocks = List.copyOf(loaded);
        this.finalNorm = Weights.array(state, manager, FINAL_NORM, d);
    }

    /**
     * Loads the encoder of the model folder {@code dir} ({@value #CONFIG_FILE} and {@value #WEIGHTS_FILE},
     * Hugging Face key names) onto {@code device}. The embedding is {@code shared.weight}, or
     * {@code encoder.embed_tokens.weight} when there is no {@code shared.weight}; {@code decoder.*} and
     * {@code lm_head.*} are ignored.
     *
     * @throws Mt5ModelException  naming the file when a file is missing or {@value #CONFIG_FILE} is bad
     * @throws TorchFileException naming the file and key when the weights file cannot be read, or an encoder
     *                            key is missing, has another shape, or is not one the encoder has
     */
    public static Mt5Encoder load(Path dir, Device device) {
        Objects.requireNonNull(device, "device");
        Path weights = dir.resolve(WEIGHTS_FILE);
        Path configFile = dir.resolve(CONFIG_FILE);
        for (Path file : List.of(configFile, weights)) {
            if (!Files.isRegularFile(file)) {
                throw new Mt5ModelException(file + ": missing (an mT5 model folder holds " + CONFIG_FILE + " and "
                        + WEIGHTS_FILE + ")");
            }
        }
        Mt5Config config = Mt5Config.read(configFile);
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try (TorchFile file = TorchFile.open(weights)) {
            StateDict state = StateDict.of(file, file.root(), "mT5 encoder weights");
            state.ignore("decoder.");
            state.ignore("lm_head.");
            if (!state.has(SHARED) && !state.has(ENCODER_EMBEDDING)) {
                throw new TorchFileException(weights, "neither " + SHARED + " nor " + ENCODER_EMBEDDING
                        + " (the token embedding) is there");
            }
            Mt5Encoder encoder = new Mt5Encoder(config, manager, state);
            state.requireAllTaken();
            return encoder;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The configuration read from the model folder. */
    public Mt5Config config() {
        return config;
    }

    /**
     * The last hidden state ({@code [batch][length][dModel]}) for token ids and attention mask (1 = a token,
     * 0 = padding), as Hugging Face's {@code MT5EncoderModel(input_ids, attention_mask).last_hidden_state}
     * gives it, padded positions included.
     *
     * @throws IllegalArgumentException when there are no rows, rows are empty or of different lengths, the
     *                                  mask does not have the shape of the ids, an id is outside
     *                                  {@code [0, vocabSize)} or a mask value is not 0 or 1
     */
    public float[][][] lastHiddenState(long[][] ids, long[][] attentionMask) {
        int batch = ids.length;
        int length = checkShape(ids, attentionMask);
        long[] flatIds = new long[batch * length];
        float[] maskBias = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                long id = ids[b][t];
                long mask = attentionMask[b][t];
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("id " + id + " at [" + b + "][" + t + "] is outside [0, "
                            + config.vocabSize() + ")");
                }
                if (mask != 0 && mask != 1) {
                    throw new IllegalArgumentException("attention mask " + mask + " at [" + b + "][" + t
                            + "] is neither 0 nor 1");
                }
                flatIds[b * length + t] = id;
                maskBias[b * length + t] = (1f - mask) * -Float.MAX_VALUE;
            }
        }
        float[] flat;
        try (NDManager scope = manager.newSubManager()) {
            NDArray idArray = scope.create(flatIds, new Shape(batch, length));
            NDArray bias = scope.create(positionBias.forLength(length), new Shape(1, config.heads(), length, length))
                    .add(scope.create(maskBias, new Shape(batch, 1, 1, length)));
            NDArray hidden = Embedding.embedding(idArray, embedding, SparseFormat.DENSE).singletonOrThrow();
            for (Mt5Block block : blocks) {
                hidden = block.forward(hidden, bias);
            }
            flat = Mt5Block.rmsNorm(hidden, finalNorm, config.epsilon()).toFloatArray();
        }
        float[][][] result = new float[batch][length][config.dModel()];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                System.arraycopy(flat, (b * length + t) * config.dModel(), result[b][t], 0, config.dModel());
            }
        }
        return result;
    }

    /** Frees the weights; the encoder cannot be used afterwards. */
    @Override
    public void close() {
        manager.close();
    }

    private static int checkShape(long[][] ids, long[][] attentionMask) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("no id rows");
        }
        if (attentionMask.length != ids.length) {
            throw new IllegalArgumentException(ids.length + " id rows but " + attentionMask.length + " mask rows");
        }
        int length = ids[0].length;
        if (length == 0) {
            throw new IllegalArgumentException("id rows are empty");
        }
        for (int b = 0; b < ids.length; b++) {
            if (ids[b].length != length || attentionMask[b].length != length) {
                throw new IllegalArgumentException("row " + b + " has " + ids[b].length + " ids and "
                        + attentionMask[b].length + " mask values; row 0 has " + length + " ids");
            }
        }
        return length;
    }
}
