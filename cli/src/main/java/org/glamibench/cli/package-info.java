/**
 * The {@code glami-bench} command line on picocli: {@link org.glamibench.cli.GlamiBench} and one
 * command per job (sample, download, inspect, train, text-features, eval, validate, report,
 * compare, perf, quickstart), plus the commands of every {@link org.glamibench.cli.CommandProvider}
 * on the class path. Exit codes: 0 done, 1 the work failed, 2 bad usage or bad input.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.compare, org.glamibench.dataset,
 * org.glamibench.download, org.glamibench.eval, org.glamibench.features, org.glamibench.files,
 * org.glamibench.harness, org.glamibench.inspect, org.glamibench.leakage, org.glamibench.models,
 * org.glamibench.models.folder, org.glamibench.models.train, org.glamibench.mt5,
 * org.glamibench.perf, org.glamibench.progress, org.glamibench.registry, org.glamibench.report,
 * org.glamibench.run, org.glamibench.sample, org.glamibench.stats, org.glamibench.store.
 */
package org.glamibench.cli;
