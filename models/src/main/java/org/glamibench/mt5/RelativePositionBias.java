package org.glamibench.mt5;

/**
 * The encoder's relative position bias: a learned value per head and bucket of (key position - query
 * position), bidirectional (half of the buckets for keys after the query), the first half of each direction
 * exact distances and the rest log-spaced up to {@code maxDistance}, as modeling_t5.py buckets them (in
 * float32, so the bucket edges fall where Hugging Face's do).
 */
final class RelativePositionBias {
    private final float[] table;
    private final int buckets;
    private final int heads;
    private final int maxDistance;

    /**
     * A bias from {@code table}, the {@code relative_attention_bias} weight ({@code [buckets, heads]}, C order).
     *
     * @throws IllegalArgumentException when the table is not {@code buckets * heads} long
     */
    RelativePositionBias(float[] table, int buckets, int heads, int maxDistance) {
        if (table.length != buckets * heads) {
            throw new IllegalArgumentException("relative attention bias has " + table.length + " values, expected "
                    + buckets + " x " + heads);
        }
        this.table = table;
        this.buckets = buckets;
        this.heads = heads;
        this.maxDistance = maxDistance;
    }

    /** The bucket of {@code relative} = key position - query position. */
    int bucket(int relative) {
        int half = buckets / 2;
        int maxExact = half / 2;
        int bucket = relative > 0 ? half : 0;
        int distance = Math.abs(relative);
        if (distance < maxExact) {
            return bucket + distance;
        }
        float logRatio = (float) Math.log((float) distance / maxExact);
        float logRange = (float) Math.log((double) maxDistance / maxExact);
        long large = maxExact + (long) (logRatio / logRange * (half - maxExact));
        return bucket + (int) Math.min(large, half - 1);
    }

    /** The bias of a sequence of {@code length}: {@code [heads, length (query), length (key)]}, C order. */
    float[] forLength(int length) {
        float[] bias = new float[heads * length * length];
        for (int query = 0; query < length; query++) {
            for (int key = 0; key < length; key++) {
                int row = bucket(key - query) * heads;
                for (int head = 0; head < heads; head++) {
                    bias[(head * length + query) * length + key] = table[row + head];
                }
            }
        }
        return bias;
    }
}
