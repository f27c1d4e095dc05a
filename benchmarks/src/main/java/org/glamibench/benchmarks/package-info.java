/**
 * JMH benchmarks of the harness: the whole evaluator here, the stages in {@code stage}, adapters'
 * forward passes in {@code adapter}; {@link org.glamibench.benchmarks.RunBenchmarks} runs them and
 * writes the report.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.benchmarks.adapter,
 * org.glamibench.benchmarks.report, org.glamibench.benchmarks.setup, org.glamibench.dataset,
 * org.glamibench.eval, org.glamibench.files, org.glamibench.harness, org.glamibench.image,
 * org.glamibench.models, org.glamibench.models.folder, org.glamibench.progress,
 * org.glamibench.registry, org.glamibench.run.
 */
package org.glamibench.benchmarks;
