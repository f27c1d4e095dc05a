package org.glamibench.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkFiles;
import org.glamibench.eval.ScoringSession;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.registry.AdapterRegistry;

/**
 * The adapters opened in this JVM (an executor, or the driver in {@code local[K]}), one per task
 * slot: {@code predict} is single-threaded, so a task borrows an idle adapter of its run or opens a
 * new one, and gives it back when done; at most as many are open as tasks run at once. Opening a
 * run's adapter first closes the idle adapters of other runs (a sweep moves from model to model);
 * the driver closes a finished run's adapters in {@code local[K]}, and the JVM's exit closes the rest.
 */
final class ExecutorSessions {
    /** An opened adapter and the registry it came from (closed after it). */
    record Pooled(String key, AdapterRegistry registry, ScoringSession<?> session, boolean fresh) {
        Pooled reused() {
            return new Pooled(key, registry, session, false);
        }
    }

    private static final Map<String, Deque<Pooled>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAllBut(null), "glami-bench-close-adapters"));
    }

    private ExecutorSessions() {
    }

    /**
     * An opened adapter for the job: an idle one of its run, else a new one (its jars found by file
     * name among the files shipped with the application).
     *
     * @throws RuntimeException what opening the adapter throws
     */
    static Pooled borrow(ExecutorJob job) {
        synchronized (IDLE) {
            Deque<Pooled> idle = IDLE.get(job.key());
            if (idle != null && !idle.isEmpty()) {
                return idle.pop().reused();
            }
        }
        closeAllBut(job.key());
        ProgressOutput progress = new ProgressOutput(new PrintWriter(System.err, true, StandardCharsets.UTF_8), false);
        AdapterRegistry registry = job.recipe().registry(jar -> Path.of(SparkFiles.get(Path.of(jar).getFileName().toString())), progress);
        try {
            AdapterRegistry.Resolved resolved = job.recipe().resolve(registry);
            ScoringSession<?> session = ScoringSession.open(job.layout(), resolved.entry(), job.classIndex(),
                    job.settings(), progress);
            return new Pooled(job.key(), registry, session, true);
        } catch (RuntimeException | Error e) {
            closeQuietly(registry, e);
            throw e;
        }
    }

    /** Gives an adapter back for the next task of its run. */
    static void giveBack(Pooled pooled) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(pooled.key(), key -> new ArrayDeque<>()).push(pooled);
        }
    }

    /** Closes an adapter whose task failed: its state is unknown. */
    static void discard(Pooled pooled, Throwable failure) {
        try {
            pooled.session().close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        closeQuietly(pooled.registry(), failure);
    }

    /** Closes the idle adapters of the run of that key. */
    static void closeRun(String key) {
        List<Pooled> closing = new ArrayList<>();
        synchronized (IDLE) {
            Deque<Pooled> idle = IDLE.remove(key);
            if (idle != null) {
                closing.addAll(idle);
            }
        }
        closing.forEach(ExecutorSessions::close);
    }

    /** Closes the idle adapters of every run but that one (null: of every run). */
    private static void closeAllBut(String key) {
        List<Pooled> closing = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.entrySet().removeIf(entry -> {
                if (entry.getKey().equals(key)) {
                    return false;
                }
                closing.addAll(entry.getValue());
                return true;
            });
        }
        closing.forEach(ExecutorSessions::close);
    }

    private static void close(Pooled pooled) {
        RuntimeException failure = new RuntimeException("closing adapter of " + pooled.key());
        discard(pooled, failure);
        if (failure.getSuppressed().length > 0) {
            System.err.println("warning: " + failure.getSuppressed()[0].getMessage());
        }
    }

    private static void closeQuietly(AdapterRegistry registry, Throwable failure) {
        try {
            registry.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
