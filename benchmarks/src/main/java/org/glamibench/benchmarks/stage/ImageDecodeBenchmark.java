package org.glamibench.benchmarks.stage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glamibench.benchmarks.setup.BenchmarkData;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.image.JpegDecoder;
import org.glamibench.image.RgbImage;
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
 * One thread turning 228x298 sample JPEGs (bytes already in memory) into what a model reads:
 * the raw decode alone, and decode plus conversion to the published baseline's float CHW tensor
 * in [0, 1]. Score: images per second. The Python peer on the same files is
 * benchmarks/src/main/python/image_decode_peer.py (PIL decode, skimage imread + resize).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OperationsPerInvocation(ImageDecodeBenchmark.IMAGES)
public class ImageDecodeBenchmark {
    /** Images decoded per invocation. */
    public static final int IMAGES = 200;

    private final List<byte[]> jpegs = new ArrayList<>();
    private JpegDecoder decoder;

    @Setup(Level.Trial)
    public void load() throws IOException {
        jpegs.addAll(BenchmarkData.jpegs(IMAGES));
        decoder = new JpegDecoder();
    }

    @TearDown(Level.Trial)
    public void close() {
        decoder.close();
    }

    /** Decode only: bytes to RGB pixels. */
    @Benchmark
    public long decode() throws ImageDecodeException {
        long sum = 0;
        for (byte[] jpeg : jpegs) {
            sum += RgbImage.of(decoder.decode(jpeg)).pixels()[0];
        }
        return sum;
    }

    /** Decode and the baseline's preprocessing: float CHW in [0, 1] at full size. */
    @Benchmark
    public double decodeToFloatChw() throws ImageDecodeException {
        double sum = 0;
        for (byte[] jpeg : jpegs) {
            sum += RgbImage.of(decoder.decode(jpeg)).toFloatChw()[0];
        }
        return sum;
    }
}
