/**
 * The leaderboard's pages: {@link org.glamibench.leaderboard.page.LeaderboardPage} writes
 * {@code README.md} and a static {@code index.html} with the same content, and their charts as PNG
 * files drawn headless with XChart. Pages carry no time stamp: the same runs give the same pages.
 */
package org.glamibench.leaderboard.page;
