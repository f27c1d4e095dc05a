package org.glamibench.models.input;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * fastText-style features of a text without any pretrained tokenizer: every word, and every
 * character n-gram of the word framed as {@code <word>}, hashed into a fixed number of buckets.
 * Works the same for every script and language.
 *
 * <p>Definition (reproducible in a few lines of Python):
 * <ol>
 *   <li>the text is {@code name + " " + description}, normalised to NFKC and lower-cased
 *       ({@code Locale.ROOT});</li>
 *   <li>a word is a maximal run of code points that are letters, digits or combining marks;</li>
 *   <li>per word, in text order: the word itself (kind {@code 'w'}), then its character n-grams
 *       for n from {@code minN} to {@code maxN}, left to right, over the code points of
 *       {@code "<" + word + ">"} (kind {@code 'g'}; n-grams longer than the framed word are
 *       skipped);</li>
 *   <li>each feature's bucket: FNV-1a 64 over the kind's code point and then the feature's code
 *       points (each code point xor-ed in whole, then multiplied by the FNV prime), finished
 *       with MurmurHash3's fmix64, modulo {@code buckets} (unsigned);</li>
 *   <li>at most {@code maxIds} buckets per text: the name comes first, so it always counts.</li>
 * </ol>
 *
 * @param buckets the number of buckets (rows of the embedding table), at least 1
 * @param minN    shortest n-gram, at least 1
 * @param maxN    longest n-gram, at least {@code minN}
 * @param maxIds  the most buckets a text yields, at least 1
 */
public record TextHasher(int buckets, int minN, int maxN, int maxIds) {

    /** 2^16 buckets: with dense gradients and Adam, training stays fast on a CPU. */
    public static final int DEFAULT_BUCKETS = 1 << 16;
    public static final int DEFAULT_MIN_N = 3;
    public static final int DEFAULT_MAX_N = 5;
    public static final int DEFAULT_MAX_IDS = 512;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** @throws IllegalArgumentException for a value out of range */
    public TextHasher {
        if (buckets < 1 || minN < 1 || maxN < minN || maxIds < 1) {
            throw new IllegalArgumentException("text hashing needs buckets >= 1, 1 <= minN <= maxN and maxIds >= 1; got "
                    + buckets + ", " + minN + ", " + maxN + ", " + maxIds);
        }
    }

    /** The defaults: 2^16 buckets, n-grams of 3 to 5, at most 512 ids. */
    public static TextHasher defaults() {
        return new TextHasher(DEFAULT_BUCKETS, DEFAULT_MIN_N, DEFAULT_MAX_N, DEFAULT_MAX_IDS);
    }

    /** The buckets of an item's name and description, in order; empty when there is no word. */
    public int[] ids(String name, String description) {
        return normalisedIds(Normalizer.normalize(name + " " + description, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    /**
     * The buckets of a text already normalised (steps 2 to 5 of the definition): what
     * {@link #ids} does after step 1. Tests feed it a text that skipped a step on purpose.
     */
    public int[] normalisedIds(String text) {
        int[] points = text.codePoints().toArray();
        int[] ids = new int[Math.min(maxIds, 64)];
        int count = 0;
        int[] framed = new int[points.length + 2];
        for (int start = 0; start < points.length && count < maxIds; ) {
            if (!inWord(points[start])) {
                start++;
                continue;
            }
            int end = start;
            while (end < points.length && inWord(points[end])) {
                end++;
            }
            int length = end - start;
            framed[0] = '<';
            System.arraycopy(points, start, framed, 1, length);
            framed[length + 1] = '>';
            ids = append(ids, count++, bucket('w', framed, 1, length));
            for (int n = minN; n <= maxN && count < maxIds; n++) {
                for (int from = 0; from + n <= length + 2 && count < maxIds; from++) {
                    ids = append(ids, count++, bucket('g', framed, from, n));
                }
            }
            start = end;
        }
        return Arrays.copyOf(ids, count);
    }

    /** One line for model.json and descriptors. */
    public String describe() {
        return "NFKC lower-cased name + \" \" + description; words and their character " + minN + "-" + maxN
                + "-grams of <word>, FNV-1a/fmix64 hashed into " + buckets + " buckets; at most " + maxIds + " per text";
    }

    private static boolean inWord(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private int bucket(int kind, int[] codePoints, int from, int length) {
        long hash = (FNV_OFFSET ^ kind) * FNV_PRIME;
        for (int i = from; i < from + length; i++) {
            hash = (hash ^ codePoints[i]) * FNV_PRIME;
        }
        return (int) Long.remainderUnsigned(fmix64(hash), buckets);
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static int[] append(int[] ids, int at, int id) {
        int[] out = at == ids.length ? Arrays.copyOf(ids, ids.length * 2) : ids;
        out[at] = id;
        return out;
    }
}
