/**
 * The record of a run: {@link org.glamibench.run.RunResult}, the run.json of an evaluation (what
 * ran, on which data, how, where, how fast, and the metrics), with its
 * {@link org.glamibench.run.Provenance} and the harness version, written atomically with
 * {@link org.glamibench.files.JsonFiles} and read by {@link org.glamibench.run.RunFiles}; and the
 * throughput measurements the benchmarks write for the leaderboard.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.files, org.glamibench.metrics,
 * org.glamibench.stats.
 */
package org.glamibench.run;
