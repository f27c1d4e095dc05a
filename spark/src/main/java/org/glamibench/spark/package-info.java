/**
 * Evaluation sharded over Apache Spark ({@code eval --spark}): the driver reads the split, forms
 * the batches and writes the prediction store exactly as a local run
 * ({@link org.glamibench.eval.Evaluator} with a {@link org.glamibench.spark.SparkEvaluation}'s
 * scorer); executors open one adapter per task slot and score whole batches. RDDs of batches are
 * all it uses: no Spark SQL.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.cli, org.glamibench.dataset, org.glamibench.eval,
 * org.glamibench.harness, org.glamibench.progress, org.glamibench.registry, org.glamibench.run,
 * org.glamibench.stats.
 */
package org.glamibench.spark;
