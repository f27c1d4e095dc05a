package org.glamibench.inspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glamibench.image.ImageCheck;
import org.glamibench.dataset.DatasetLayout;

/** Checks many image files on a pool of threads, one {@link ImageCheck} per thread. */
final class ParallelImageChecker {
    private final int threads;

    ParallelImageChecker(int threads) {
        this.threads = threads;
    }

    /** The check result of every image id, in a map keyed by image id. */
    Map<Long, ImageCheck.Result> check(DatasetLayout layout, long[] imageIds) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<Long, ImageCheck.Result>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    Map<Long, ImageCheck.Result> results = new HashMap<>();
                    try (ImageCheck check = new ImageCheck()) {
                        for (int i = first; i < imageIds.length; i += threads) {
                            results.put(imageIds[i], check.check(layout.image(imageIds[i])));
                        }
                    }
                    return results;
                }));
            }
            Map<Long, ImageCheck.Result> all = new HashMap<>();
            for (Future<Map<Long, ImageCheck.Result>> part : parts) {
                all.putAll(part.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking images", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("image check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
