/**
 * The {@code glami-bench leaderboard} and {@code glami-bench gate} commands, offered to the
 * harness's command line by {@link org.glamibench.leaderboard.cli.LeaderboardCommands} through
 * {@code META-INF/services/org.glamibench.cli.CommandProvider}.
 *
 * <p>May import: org.glamibench.cli, org.glamibench.dataset, org.glamibench.leaderboard,
 * org.glamibench.leaderboard.gate, org.glamibench.leaderboard.page, org.glamibench.leakage,
 * org.glamibench.metrics, org.glamibench.stats.
 */
package org.glamibench.leaderboard.cli;
