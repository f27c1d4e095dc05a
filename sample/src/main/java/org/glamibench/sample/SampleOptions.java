package org.glamibench.sample;

/**
 * What {@link SampleGenerator} writes.
 *
 * @param trainRows rows of {@code GLAMI-1M-train.csv}, 1 to {@value #MAX_ROWS}
 * @param testRows  rows of {@code GLAMI-1M-test.csv}, 1 to {@value #MAX_ROWS}
 * @param seed      the seed; the output is a function of seed, sizes, {@code images}, {@code distinctPhotos}
 *                  and {@code plantedTwins} only
 * @param images    whether to write {@code images/}; without, only the CSVs are written
 * @param threads   image-writing threads, 1 to {@value #MAX_THREADS}; does not change the output
 * @param force     whether to replace an existing {@code GLAMI-1M-dataset} folder
 * @param distinctPhotos whether every photo gets its own placement, scale, colours and background
 *                       texture ({@code --distinct-photos}); off, the photos are as they always were
 * @param plantedTwins   test items made twins of train items ({@code --plant-twins}), 0 to the
 *                       test rows; 0 plants none
 */
public record SampleOptions(int trainRows, int testRows, long seed, boolean images, int threads, boolean force,
                            boolean distinctPhotos, int plantedTwins) {

    public static final int DEFAULT_TRAIN_ROWS = 20_000;
    public static final int DEFAULT_TEST_ROWS = 5_000;
    public static final long DEFAULT_SEED = 1;
    public static final int MAX_ROWS = 10_000_000;
    public static final int MAX_THREADS = 64;

    /** @throws IllegalArgumentException when a size or the thread count is out of range */
    public SampleOptions {
        if (trainRows < 1 || trainRows > MAX_ROWS) {
            throw new IllegalArgumentException("train rows must be 1.." + MAX_ROWS + ", not " + trainRows);
        }
        if (testRows < 1 || testRows > MAX_ROWS) {
            throw new IllegalArgumentException("test rows must be 1.." + MAX_ROWS + ", not " + testRows);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1.." + MAX_THREADS + ", not " + threads);
        }
        if (plantedTwins < 0 || plantedTwins > testRows) {
            throw new IllegalArgumentException("planted twins must be 0.." + testRows + " (the test rows), not "
                    + plantedTwins);
        }
    }

    /** The sample as it always was: no distinct photos, no planted twins. */
    public SampleOptions(int trainRows, int testRows, long seed, boolean images, int threads, boolean force) {
        this(trainRows, testRows, seed, images, threads, force, false, 0);
    }

    /** The default sample: 20,000 train and 5,000 test rows, seed 1, with images. */
    public static SampleOptions defaults() {
        return new SampleOptions(DEFAULT_TRAIN_ROWS, DEFAULT_TEST_ROWS, DEFAULT_SEED, true, defaultThreads(), false);
    }

    /** Available processors, at most 4. */
    public static int defaultThreads() {
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }
}
