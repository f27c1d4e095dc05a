/**
 * Performance runs in the spirit of MLPerf Inference: {@link org.glamibench.perf.PerfRunner}
 * measures an adapter's cold start, latency and throughput on test items already decoded in memory,
 * in the single-stream or offline scenario, optionally checking its outputs against an accuracy
 * run, and writes a {@link org.glamibench.perf.PerfResult}; {@link org.glamibench.perf.PerfCharts}
 * draws the results.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.files,
 * org.glamibench.image, org.glamibench.metrics, org.glamibench.registry, org.glamibench.report,
 * org.glamibench.run, org.glamibench.store.
 */
package org.glamibench.perf;
