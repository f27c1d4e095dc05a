package org.example.glami;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.TrainSplit;

/**
 * A text classifier trained when it opens: multinomial naive Bayes over the character n-grams of
 * an item's name and description, hashed into a fixed number of buckets. It reads the train split
 * (the harness gives its path; never the test split), counts n-grams per class, and scores an item
 * by the log-probability of its n-grams under each class plus the class's log prior: logits, which
 * the harness turns into probabilities.
 *
 * <p>Options ({@code --adapter-option KEY=VALUE}): {@code n} the n-gram length (default 3),
 * {@code buckets} the hash buckets, a power of two (default 65536). Any other key is refused.
 *
 * <p>Thread-safety, as the SPI asks: {@code prepare} only reads the item; the model is written in
 * {@code open} and only read afterwards.
 */
public final class CharNgramAdapter implements ModelAdapter<int[]> {
    private static final float SMOOTHING = 0.1f;
    /** The options it knows; it refuses any other, as the SPI asks. */
    private static final List<String> OPTIONS = List.of("n", "buckets");

    private int n;
    private int buckets;
    private int classes;
    /** log P(bucket | class), bucket-major: {@code logLikelihood[bucket * classes + class]}. */
    private float[] logLikelihood;
    private float[] logPrior;

    @Override
    public AdapterDescriptor descriptor() {
        return AdapterDescriptor.builder()
                .setName("example-char-ngrams")
                .setVersion("1.0.0")
                .setModality(Modality.TEXT)
                .setOutput(OutputKind.LOGITS)
                .optLicense("Apache-2.0")
                .optDescription("naive Bayes over hashed character n-grams of name and description, trained on the "
                        + "train split when opened")
                .build();
    }

    @Override
    public void open(AdapterContext context) {
        if (context.device().gpu()) {
            throw new IllegalArgumentException("example-char-ngrams runs on the CPU only");
        }
        for (String key : context.options().keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("example-char-ngrams: unknown --adapter-option " + key + "; known: "
                        + String.join(", ", OPTIONS));
            }
        }
        TrainSplit train = context.trainSplit().orElseThrow(() -> new IllegalStateException(
                "example-char-ngrams learns from the train split, and this dataset has none"));
        n = Integer.parseInt(context.option("n", "3"));
        buckets = Integer.parseInt(context.option("buckets", "65536"));
        if (n < 1 || buckets < 2 || Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("n must be at least 1 and buckets a power of two, got " + n + " and " + buckets);
        }
        ClassIndex classIndex = context.classIndex();
        classes = classIndex.size();
        float[] counts = new float[Math.multiplyExact(buckets, classes)];
        double[] perClass = new double[classes];
        long[] rowsPerClass = new long[classes];
        train.forEachRow(row -> {
            int c = classIndex.indexOf(row.category());
            if (c < 0) {
                return;
            }
            for (int bucket : ngrams(row.name(), row.description())) {
                counts[bucket * classes + c]++;
                perClass[c]++;
            }
            rowsPerClass[c]++;
        });
        long rows = Arrays.stream(rowsPerClass).sum();
        System.out.printf(Locale.ROOT, "example-char-ngrams: learned from %,d train rows%n", rows);
        logPrior = new float[classes];
        for (int c = 0; c < classes; c++) {
            logPrior[c] = (float) Math.log((rowsPerClass[c] + 1.0) / (rows + classes));
        }
        for (int bucket = 0; bucket < buckets; bucket++) {
            for (int c = 0; c < classes; c++) {
                int i = bucket * classes + c;
                counts[i] = (float) Math.log((counts[i] + SMOOTHING) / (perClass[c] + SMOOTHING * buckets));
            }
        }
        logLikelihood = counts;
    }

    /** The item's n-gram buckets: the heavy part of the work, done on the harness's worker threads. */
    @Override
    public int[] prepare(ItemInput item) {
        return ngrams(item.name(), item.description());
    }

    @Override
    public float[][] predict(List<int[]> batch) {
        float[][] logits = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            float[] scores = logPrior.clone();
            for (int bucket : batch.get(i)) {
                int offset = bucket * classes;
                for (int c = 0; c < classes; c++) {
                    scores[c] += logLikelihood[offset + c];
                }
            }
            logits[i] = scores;
        }
        return logits;
    }

    @Override
    public void close() {
        logLikelihood = null;
        logPrior = null;
    }

    /** The hashed character n-grams of " name description " in lower case, one bucket per n-gram. */
    private int[] ngrams(String name, String description) {
        String text = (" " + name + " " + description + " ").toLowerCase(Locale.ROOT);
        int count = Math.max(0, text.length() - n + 1);
        int[] found = new int[count];
        for (int start = 0; start < count; start++) {
            int hash = 0;
            for (int k = start; k < start + n; k++) {
                hash = 31 * hash + text.charAt(k);
            }
            found[start] = mix(hash) & (buckets - 1);
        }
        return found;
    }

    /** Spreads the bits of a hash (the finaliser of MurmurHash3). */
    private static int mix(int hash) {
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        return hash ^ hash >>> 16;
    }
}
