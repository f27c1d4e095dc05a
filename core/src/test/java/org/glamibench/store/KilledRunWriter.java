package org.glamibench.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.glamibench.dataset.ClassIndex;

/**
 * The child process of {@link PredictionStoreKillTest}: writes items {@code 1..items} of
 * {@link TestRuns#item} over {@value #CLASSES} classes into a run folder, resuming what is there,
 * pausing after each row, checkpointing every 1,000 rows (in between, the store writes whenever a
 * 64 KiB buffer fills: about every 700 rows and every 86 score rows, so a kill leaves rows and score
 * rows cut anywhere). Prints {@code resumed <rows>} at the start, {@code appended <item id>} every
 * 10 items, {@code durable <rows>} after each checkpoint, {@code finished <rows>} at the end.
 *
 * <p>Arguments: run folder, number of items, pause after each row in microseconds.
 */
public final class KilledRunWriter {
    static final int CLASSES = 191;
    static final ClassIndex CLASS_INDEX = TestRuns.classes(CLASSES);

    private KilledRunWriter() {
    }

    public static void main(String[] args) {
        run(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]) * 1000, System.out);
    }

    static void run(Path folder, int items, long pauseNanos, PrintStream progress) {
        try (PredictionStore store = PredictionStore.open(folder, CLASS_INDEX, true)) {
            Set<Long> done = store.completedItemIds();
            progress.println("resumed " + done.size());
            progress.flush();
            for (long id = 1; id <= items; id++) {
                if (done.contains(id)) {
                    continue;
                }
                TestRuns.item(id, CLASS_INDEX).appendTo(store);
                if (id % 10 == 0) {
                    progress.println("appended " + id);
                    progress.flush();
                }
                if (id % 1000 == 0) {
                    store.checkpoint();
                    progress.println("durable " + store.size());
                    progress.flush();
                }
                if (pauseNanos > 0) {
                    LockSupport.parkNanos(pauseNanos);
                }
            }
            store.finish();
            progress.println("finished " + store.size());
            progress.flush();
        }
    }
}
