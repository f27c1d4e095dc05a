/**
 * The leaderboard: every run under {@code results/runs} is verified before it is ranked
 * ({@link org.glamibench.leaderboard.RunVerifier}: run.json against the schema, every number
 * recomputed from the stored predictions), the verified runs are grouped into one
 * {@link org.glamibench.leaderboard.Board} per test set (manifest hash, class index hash and scored
 * items: never mixed) and ranked in {@link org.glamibench.leaderboard.Tiers} by exact McNemar tests.
 * The paper's published numbers join the board of the real test split as reference rows only.
 *
 * <p>Sub-packages: {@code page} writes the board as Markdown, HTML and XChart PNG charts;
 * {@code gate} is the accuracy regression gate and the committed baseline suite CI gates on;
 * {@code cli} adds the {@code leaderboard} and {@code gate} commands to {@code glami-bench}
 * through the harness's {@link org.glamibench.cli.CommandProvider} hook.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.eval, org.glamibench.files,
 * org.glamibench.metrics, org.glamibench.run, org.glamibench.stats, org.glamibench.store.
 */
package org.glamibench.leaderboard;
