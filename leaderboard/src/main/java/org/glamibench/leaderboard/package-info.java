/**
 * The leaderboard and the accuracy regression gate. It reads runs from {@code results/} and
 * depends on the harness for the dataset identity (manifest and class index hashes) that decides
 * which runs may be ranked together. Nothing is implemented here yet: see the project's open
 * issue on trustworthy comparisons.
 */
package org.glamibench.leaderboard;
