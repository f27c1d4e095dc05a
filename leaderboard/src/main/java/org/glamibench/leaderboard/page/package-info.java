/**
 * The leaderboard's pages: {@link org.glamibench.leaderboard.page.LeaderboardPage} writes
 * {@code README.md} and a static {@code index.html} with the same content, and their charts as PNG
 * files drawn headless with XChart, all three written aside and swapped in together. Pages carry no
 * time stamp: the same runs give the same pages.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.files, org.glamibench.leaderboard,
 * org.glamibench.leakage, org.glamibench.metrics, org.glamibench.registry, org.glamibench.report,
 * org.glamibench.run, org.glamibench.stats, org.glamibench.store.
 */
package org.glamibench.leaderboard.page;
