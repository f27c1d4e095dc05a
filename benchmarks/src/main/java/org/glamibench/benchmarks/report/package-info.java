/**
 * The report of a benchmark run ({@link org.glamibench.benchmarks.report.BenchmarkReport}): from
 * JMH's JSON results, a {@code summary.md} with the machine and every score, and charts of the
 * adapters' throughput and latency and of the stages' cost per item, as PNG and SVG.
 *
 * <p>May import: org.glamibench.report, org.glamibench.run.
 */
package org.glamibench.benchmarks.report;
