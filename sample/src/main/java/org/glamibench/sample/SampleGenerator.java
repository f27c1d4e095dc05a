package org.glamibench.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.files.AtomicFiles;
import org.glamibench.files.FileTrees;

/**
 * Writes a synthetic dataset in the published GLAMI-1M layout (see the package documentation for
 * how rows, texts and images are made).
 *
 * <p>The folder appears whole or not at all: everything is written into a sibling
 * {@code GLAMI-1M-dataset.tmp-*} folder that is renamed into place at the end and removed on
 * failure, so a crashed run never leaves something that looks like a dataset.
 *
 * <p>The output is a function of the options but the thread count and {@code force}: the same options give
 * byte-identical files whatever the thread count. CSV rows are streamed to the file; memory is
 * about 25 bytes per row (ids and the split plans), so a million rows need about 25 MB.
 */
public final class SampleGenerator {

    /** Version of the generative process, written to README.txt; bumped when output changes. */
    public static final int GENERATOR_VERSION = 1;

    /** Hears how far image writing has come; called on the calling thread about twice a second. */
    @FunctionalInterface
    public interface ProgressListener {
        void imagesWritten(int done, int total);
    }

    private SampleGenerator() {
    }

    /** {@link #generate(Path, SampleOptions, ProgressListener)} without progress reports. */
    public static SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
        return generate(outDir, options, (done, total) -> { });
    }

    /**
     * Writes {@code outDir/GLAMI-1M-dataset/} with both split CSVs, {@code images/} (unless
     * switched off) and a README.txt saying what the folder is. Creates {@code outDir} if missing.
     *
     * @throws FileAlreadyExistsException when the dataset folder exists and {@code force} is off
     * @throws IOException                when writing fails; nothing is left behind then
     */
    public static SampleSummary generate(Path outDir, SampleOptions options, ProgressListener listener)
            throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(outDir);
        Path target = outDir.resolve(DatasetLayout.FOLDER_NAME);
        if (Files.exists(target) && !options.force()) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "a dataset folder is already there (replace it with --force)");
        }
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Path tmp = Files.createDirectory(outDir.resolve(DatasetLayout.FOLDER_NAME + ".tmp-" + suffix));
        int images;
        try {
            images = write(new DatasetLayout(tmp), options, listener);
            publish(tmp, target, outDir.resolve(DatasetLayout.FOLDER_NAME + ".old-" + suffix), options.force());
        } catch (IOException | RuntimeException | Error e) {
            try {
                FileTrees.delete(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new SampleSummary(target, options.trainRows(), options.testRows(), images,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static int write(DatasetLayout layout, SampleOptions options, ProgressListener listener) throws IOException {
        SampleCatalog catalog = SampleCatalog.get();
        long seed = options.seed();
        SplitPlan train = SplitPlan.build(catalog, Split.TRAIN, options.trainRows(), seed);
        SplitPlan test = SplitPlan.build(catalog, Split.TEST, options.testRows(), seed);
        PlantedTwins twins = options.plantedTwins() > 0 ? PlantedTwins.plant(train, test, options.plantedTwins(), seed) : null;
        int[] itemIds = shuffledIds(train.rows + test.rows, Seeds.random(seed, Seeds.ITEM_IDS));
        int[] imageIds = shuffledIds(train.productCount + test.productCount, Seeds.random(seed, Seeds.IMAGE_IDS));

        ExecutorService pool = null;
        List<Future<?>> workers = new ArrayList<>();
        AtomicInteger written = new AtomicInteger();
        int total = train.productCount + test.productCount;
        if (options.images()) {
            Files.createDirectory(layout.imagesDir());
            pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
                Thread thread = new Thread(runnable, "sample-images");
                thread.setDaemon(true);
                return thread;
            });
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < options.threads(); t++) {
                workers.add(pool.submit(() -> {
                    writeImages(layout, catalog, options, train, test, twins, imageIds, next, written);
                    return null;
                }));
            }
            pool.shutdown();
        }
        try {
            writeCsv(layout, catalog, seed, train, null, null, itemIds, 0, imageIds, 0);
            writeCsv(layout, catalog, seed, test, train, twins, itemIds, train.rows, imageIds, train.productCount);
            if (twins != null) {
                twins.write(layout.root(), test, itemIds, train.rows);
            }
            Files.writeString(layout.root().resolve("README.txt"), readme(options), StandardCharsets.UTF_8);
            if (pool != null) {
                while (!pool.awaitTermination(500, TimeUnit.MILLISECONDS)) {
                    listener.imagesWritten(written.get(), total);
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
                listener.imagesWritten(written.get(), total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing images", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing images failed: " + cause, cause);
        } finally {
            if (pool != null) {
                stop(pool);
            }
        }
        return options.images() ? total : 0;
    }

    /** Stops the image threads and waits for them, so that no file appears after a failure. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims chunks of products (train first, then test) until none are left. */
    private static void writeImages(DatasetLayout layout, SampleCatalog catalog, SampleOptions options, SplitPlan train,
                                    SplitPlan test, PlantedTwins twins, int[] imageIds, AtomicInteger next,
                                    AtomicInteger written) throws IOException {
        int total = imageIds.length;
        int chunk = 16;
        try (ProductPainter painter = new ProductPainter()) {
            for (int from = next.getAndAdd(chunk); from < total; from = next.getAndAdd(chunk)) {
                for (int global = from; global < Math.min(total, from + chunk); global++) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    SplitPlan plan = global < train.productCount ? train : test;
                    int local = global < train.productCount ? global : global - train.productCount;
                    int planted = plan == test && twins != null ? twins.rowOfPhoto(local) : -1;
                    byte[] jpeg;
                    if (planted >= 0) {
                        byte[] original = photo(painter, catalog, options, train, train.product[twins.source(planted)]);
                        jpeg = PlantedTwins.copy(original, twins.kind(planted),
                                Seeds.random(options.seed(), Seeds.PLANTED_PHOTO, local), painter);
                    } else {
                        jpeg = photo(painter, catalog, options, plan, local);
                    }
                    Files.write(layout.image(imageIds[global]), jpeg);
                    written.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            next.set(total);
            throw e;
        }
    }

    /** The JPEG of product {@code local} of {@code plan}: a function of the seed, the split, the index and the options. */
    private static byte[] photo(ProductPainter painter, SampleCatalog catalog, SampleOptions options, SplitPlan plan,
                                int local) throws IOException {
        SampleProduct product = catalog.categories().get(plan.productCategory[local]).product();
        long seed = options.seed();
        return painter.jpeg(product, Seeds.random(seed, Seeds.PRODUCT_IMAGE, plan.split.ordinal(), local),
                options.distinctPhotos() ? Seeds.random(seed, Seeds.DISTINCT_PHOTO, plan.split.ordinal(), local) : null);
    }

    /**
     * Writes a split's CSV. For the test split with planted twins, {@code train} and {@code twins}
     * say which rows copy a train row's text (else both are null).
     */
    private static void writeCsv(DatasetLayout layout, SampleCatalog catalog, long seed, SplitPlan plan, SplitPlan train,
                                 PlantedTwins twins, int[] itemIds, int itemOffset, int[] imageIds, int imageOffset)
            throws IOException {
        Geo[] geos = Geo.values();
        LabelSource[] sources = LabelSource.values();
        List<SampleCategory> categories = catalog.categories();
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(layout.csv(plan.split)), StandardCharsets.UTF_8), 1 << 16)) {
            PandasCsvWriter csv = new PandasCsvWriter(out);
            csv.writeRow(GlamiRow.COLUMNS.toArray(String[]::new));
            for (int line = 0; line < plan.rows; line++) {
                int r = plan.fileOrder[line];
                Geo geo = geos[plan.geo[r]];
                SampleCategory label = categories.get(plan.label[r]);
                SampleTexts.Text text = SampleTexts.generate(geo, categories.get(plan.content[r]),
                        Seeds.random(seed, Seeds.ROW_TEXT, plan.split.ordinal(), r));
                PlantedTwins.Kind kind = twins != null ? twins.kind(r) : null;
                if (kind == PlantedTwins.Kind.TEXT || kind == PlantedTwins.Kind.NAME) {
                    int source = twins.source(r);
                    SampleTexts.Text copied = SampleTexts.generate(geos[train.geo[source]],
                            categories.get(train.content[source]),
                            Seeds.random(seed, Seeds.ROW_TEXT, train.split.ordinal(), source));
                    text = kind == PlantedTwins.Kind.TEXT ? copied : new SampleTexts.Text(copied.name(), text.description());
                }
                csv.writeRow(Integer.toString(itemIds[itemOffset + r]),
                        Integer.toString(imageIds[imageOffset + plan.product[r]]),
                        geo.code(), text.name(), text.description(),
                        Integer.toString(label.id()), label.name(), sources[plan.source[r]].value());
            }
        }
    }

    /** 1..count in a seeded random order. */
    private static int[] shuffledIds(int count, java.util.SplittableRandom random) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = i + 1;
        }
        Seeds.shuffle(ids, random);
        return ids;
    }

    private static String readme(SampleOptions options) {
        return String.format(Locale.ROOT, """
                GLAMI-1M-dataset: SYNTHETIC SAMPLE

                This folder has the layout of the published GLAMI-1M dataset but none of its data.
                Every row, text and image in it was generated by 'glami-bench sample'
                (generator version %d, seed %d, %d train rows, %d test rows, images: %s).
                Texts are made-up words written in each language's alphabet; images are drawn
                shapes. Scores measured on it say nothing about the real dataset.
                See docs/sample-data.md in the glami-bench repository for how it is made.
                """, GENERATOR_VERSION, options.seed(), options.trainRows(), options.testRows(),
                options.images() ? "yes" : "no")
                + (options.distinctPhotos() ? "Photos: distinct (--distinct-photos): each has its own placement, scale,\n"
                        + "colours and background texture.\n" : "")
                + (options.plantedTwins() > 0 ? "Planted twins (--plant-twins " + options.plantedTwins() + "): test items copying a\n"
                        + "train item's photo or text, listed in " + PlantedTwins.FILE + ".\n" : "");
    }

    private static void publish(Path tmp, Path target, Path old, boolean force) throws IOException {
        boolean replacing = Files.exists(target);
        if (replacing) {
            if (!force) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "a dataset folder appeared while the sample was written");
            }
            AtomicFiles.move(target, old);
        }
        try {
            AtomicFiles.move(tmp, target);
        } catch (IOException e) {
            if (replacing) {
                AtomicFiles.move(old, target);
            }
            throw e;
        }
        if (replacing) {
            FileTrees.delete(old);
        }
    }
}
