/**
 * JMH benchmarks of the harness: the whole evaluator here, the stages in {@code stage}, adapters'
 * forward passes in {@code adapter}; {@link org.glamibench.benchmarks.RunBenchmarks} runs them and
 * writes the report.
 */
package org.glamibench.benchmarks;
