/**
 * What the benchmarks run on: sample datasets and trained models made once per machine and kept
 * ({@link org.glamibench.benchmarks.setup.BenchmarkData}), and the settings passed as system
 * properties ({@link org.glamibench.benchmarks.setup.BenchmarkSettings}: device, adapters, jars).
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.models.folder,
 * org.glamibench.models.train, org.glamibench.progress, org.glamibench.sample.
 */
package org.glamibench.benchmarks.setup;
