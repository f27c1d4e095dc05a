package org.glamibench.cli;

import java.io.IOException;
import org.glamibench.eval.Evaluator;
import org.glamibench.harness.Evaluation;
import org.glamibench.progress.ProgressOutput;

/**
 * Runs an evaluation with its batches scored on Apache Spark ({@code eval --spark}): found with
 * {@link java.util.ServiceLoader} the way {@link CommandProvider}s are, so that nothing of Spark is
 * on the harness's class path or loads unless {@code --spark} is given. The spark module provides
 * it ({@code META-INF/services/org.glamibench.cli.SparkEvaluations}); implementations need a
 * public no-argument constructor.
 */
public interface SparkEvaluations {

    /**
     * Scores the evaluation on Spark and writes its run folder exactly as a local run would.
     *
     * @param master     the Spark master: {@code local[K]}, {@code spark://host:port}, {@code yarn},
     *                   {@code k8s://...} (a master set by {@code spark-submit} wins)
     * @param partitions partitions of each wave of batches; null for 4 x the task slots
     * @throws IllegalArgumentException for a partition count below 1, and as {@link Evaluation#run}
     * @throws IOException              when the run folder cannot be written
     * @throws InterruptedException     when interrupted
     */
    Evaluator.Outcome evaluate(Evaluation evaluation, String master, Integer partitions, ProgressOutput progress)
            throws IOException, InterruptedException;
}
