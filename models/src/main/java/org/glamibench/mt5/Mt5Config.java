package org.glamibench.mt5;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The encoder's sizes, as a Hugging Face {@code config.json} of an mT5 / T5 v1.1 model states them.
 *
 * @param vocabSize   {@code vocab_size}: rows of the token embedding
 * @param dModel      {@code d_model}: width of the hidden states
 * @param dKv         {@code d_kv}: width of one attention head
 * @param dFf         {@code d_ff}: inner width of the feed-forward block
 * @param layers      {@code num_layers}: encoder blocks
 * @param heads       {@code num_heads}: attention heads
 * @param buckets     {@code relative_attention_num_buckets}: relative position buckets (both directions)
 * @param maxDistance {@code relative_attention_max_distance}: the distance where the last bucket starts
 * @param epsilon     {@code layer_norm_epsilon}: added to the mean square in each RMS norm
 * @param feedForward {@code feed_forward_proj}: always {@code "gated-gelu"}
 */
public record Mt5Config(int vocabSize, int dModel, int dKv, int dFf, int layers, int heads, int buckets,
                        int maxDistance, double epsilon, String feedForward) {
    /** The only feed-forward kind supported: GELU (tanh approximation) gating a linear branch. */
    public static final String GATED_GELU = "gated-gelu";
    /** {@code relative_attention_max_distance} when the file does not state it (Hugging Face's default). */
    public static final int DEFAULT_MAX_DISTANCE = 128;

    /**
     * Reads {@code configJson}.
     *
     * @throws Mt5ModelException naming the file (and the key) when it cannot be read or parsed, a key is
     *                           missing or not a positive number, or {@code feed_forward_proj} is not
     *                           {@code "gated-gelu"}
     */
    public static Mt5Config read(Path configJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(configJson.toFile());
        } catch (JacksonException e) {
            throw new Mt5ModelException(configJson + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Mt5ModelException(configJson + ": cannot be read: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new Mt5ModelException(configJson + ": not a JSON object");
        }
        String feedForward = text(root, "feed_forward_proj", configJson);
        if (!GATED_GELU.equals(feedForward)) {
            throw new Mt5ModelException(configJson + ": feed_forward_proj is \"" + feedForward + "\"; only \""
                    + GATED_GELU + "\" (mT5, T5 v1.1) is supported");
        }
        int buckets = positiveInt(root, "relative_attention_num_buckets", configJson);
        if (buckets < 4) {
            throw new Mt5ModelException(configJson + ": relative_attention_num_buckets is " + buckets
                    + "; at least 4 are needed (a quarter of them are exact distances)");
        }
        int maxDistance = root.has("relative_attention_max_distance")
                ? positiveInt(root, "relative_attention_max_distance", configJson) : DEFAULT_MAX_DISTANCE;
        if (maxDistance <= buckets / 2 / 2) {
            throw new Mt5ModelException(configJson + ": relative_attention_max_distance " + maxDistance
                    + " must exceed the " + buckets / 2 / 2 + " exact distances of " + buckets + " buckets");
        }
        JsonNode epsilon = root.get("layer_norm_epsilon");
        if (epsilon == null || !epsilon.isNumber() || !(epsilon.asDouble() > 0)) {
            throw new Mt5ModelException(configJson + ": layer_norm_epsilon must be a positive number, found "
                    + epsilon);
        }
        return new Mt5Config(positiveInt(root, "vocab_size", configJson), positiveInt(root, "d_model", configJson),
                positiveInt(root, "d_kv", configJson), positiveInt(root, "d_ff", configJson),
                positiveInt(root, "num_layers", configJson), positiveInt(root, "num_heads", configJson),
                buckets, maxDistance, epsilon.asDouble(), feedForward);
    }

    /** Width of the attention projections: {@code heads * dKv}. */
    public int innerDim() {
        return heads * dKv;
    }

    private static int positiveInt(JsonNode root, String key, Path file) {
        JsonNode value = root.get(key);
        if (value == null) {
            throw new Mt5ModelException(file + ": key " + key + " is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() <= 0) {
            throw new Mt5ModelException(file + ": " + key + " must be a positive integer, found " + value);
        }
        return value.asInt();
    }

    private static String text(JsonNode root, String key, Path file) {
        JsonNode value = root.get(key);
        if (value == null) {
            throw new Mt5ModelException(file + ": key " + key + " is missing");
        }
        if (!value.isTextual()) {
            throw new Mt5ModelException(file + ": " + key + " must be a string, found " + value);
        }
        return value.asText();
    }
}
