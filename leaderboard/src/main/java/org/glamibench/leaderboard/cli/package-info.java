/**
 * The {@code glami-bench leaderboard} and {@code glami-bench gate} commands, offered to the
 * harness's command line by {@link org.glamibench.leaderboard.cli.LeaderboardCommands} through
 * {@code META-INF/services/org.glamibench.cli.CommandProvider}.
 */
package org.glamibench.leaderboard.cli;
