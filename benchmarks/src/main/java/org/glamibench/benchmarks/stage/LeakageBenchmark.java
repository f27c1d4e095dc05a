package org.glamibench.benchmarks.stage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.glamibench.benchmarks.setup.BenchmarkData;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.image.JpegDecoder;
import org.glamibench.image.RgbImage;
import org.glamibench.leakage.LeakageFinder;
import org.glamibench.leakage.LeakageResult;
import org.glamibench.leakage.PhotoSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two costs of {@code glami-bench leakage}: hashing a photo (one thread: decode a 228x298
 * sample JPEG already in memory and compute its {@link PhotoSignature}; score: images per second
 * per core), and the whole twin search of {@link LeakageFinder} for the published sizes, 116,004
 * test items against 1,000,000 train items ({@code sample --no-images} rows with synthetic photo
 * signatures: random hashes, and for 5% of the test photos a near copy of a train photo's;
 * score: seconds per search, all cores).
 */
public class LeakageBenchmark {
    /** Photos hashed per invocation of {@link Hashing#signature}. */
    public static final int IMAGES = 200;

    /** The JPEGs of the hashing benchmark. */
    @State(Scope.Thread)
    public static class Hashing {
        final List<byte[]> jpegs = new ArrayList<>();
        JpegDecoder decoder;

        @Setup(Level.Trial)
        public void load() throws IOException {
            jpegs.addAll(BenchmarkData.jpegs(IMAGES));
            decoder = new JpegDecoder();
        }

        @TearDown(Level.Trial)
        public void close() {
            decoder.close();
        }
    }

    /** The splits and synthetic signatures of the search benchmark. */
    @State(Scope.Benchmark)
    public static class Search {
        List<GlamiRow> train;
        List<GlamiRow> test;
        Map<Long, PhotoSignature> signatures;

        @Setup(Level.Trial)
        public void generate() throws IOException {
            DatasetLayout layout = BenchmarkData.dataset(CsvReadBenchmark.TRAIN_ROWS, CsvReadBenchmark.TEST_ROWS, false);
            train = rows(layout, Split.TRAIN);
            test = rows(layout, Split.TEST);
            SplittableRandom random = new SplittableRandom(16);
            signatures = new HashMap<>();
            List<PhotoSignature> trainPhotos = new ArrayList<>();
            for (GlamiRow row : train) {
                signatures.computeIfAbsent(row.imageId(), id -> {
                    PhotoSignature s = random(random);
                    trainPhotos.add(s);
                    return s;
                });
            }
            for (GlamiRow row : test) {
                signatures.computeIfAbsent(row.imageId(), id -> random.nextDouble() < 0.05
                        ? nearCopy(trainPhotos.get(random.nextInt(trainPhotos.size())), random) : random(random));
            }
        }
    }

    /** Decode and signature of one photo after another, on one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 2)
    @Fork(1)
    @OperationsPerInvocation(IMAGES)
    public long signature(Hashing state) throws ImageDecodeException {
        long sum = 0;
        for (byte[] jpeg : state.jpegs) {
            sum += PhotoSignature.of(RgbImage.of(state.decoder.decode(jpeg))).whole();
        }
        return sum;
    }

    /** The whole search at the default D: photo twins, text twins, test duplicate groups. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms2g"})
    public LeakageResult search(Search state) {
        return LeakageFinder.find(state.train, state.test, state.signatures, LeakageFinder.DEFAULT_MAX_DISTANCE, "synthetic",
                () -> { });
    }

    private static List<GlamiRow> rows(DatasetLayout layout, Split split) {
        List<GlamiRow> rows = new ArrayList<>();
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(split), GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static PhotoSignature random(SplittableRandom random) {
        long whole = random.nextLong();
        byte[] colour = new byte[PhotoSignature.COLOUR_BYTES];
        for (int i = 0; i < colour.length; i++) {
            colour[i] = (byte) random.nextInt(256);
        }
        return new PhotoSignature(whole, flip(whole, 6, random), colour);
    }

    /** A copy as re-encoding or cropping leaves it: a few bits flipped, colours nudged. */
    private static PhotoSignature nearCopy(PhotoSignature original, SplittableRandom random) {
        byte[] colour = original.colour().clone();
        for (int i = 0; i < colour.length; i++) {
            colour[i] = (byte) Math.max(0, Math.min(255, (colour[i] & 0xFF) + random.nextInt(7) - 3));
        }
        return new PhotoSignature(flip(original.whole(), random.nextInt(9), random),
                flip(original.centre(), random.nextInt(9), random), colour);
    }

    private static long flip(long hash, int bits, SplittableRandom random) {
        long result = hash;
        for (int k = 0; k < bits; k++) {
            result ^= 1L << random.nextInt(64);
        }
        return result;
    }
}
