/**
 * The accuracy regression gate ({@link org.glamibench.leaderboard.gate.RegressionGate}): a run
 * fails against a baseline when its top-1 falls by more than the allowed drop and the fall is
 * significant, overall or in a geo; {@link org.glamibench.leaderboard.gate.ExactGate} fails it when
 * any prediction changed. {@link org.glamibench.leaderboard.gate.BaselineSuite} holds the reference
 * models' committed runs ({@code results/baselines}) that {@code mvn verify} retrains, re-evaluates
 * and gates, and remakes them when a change is meant to move them.
 *
 * <p>May import: org.glamibench.cli, org.glamibench.compare, org.glamibench.dataset,
 * org.glamibench.harness, org.glamibench.leaderboard, org.glamibench.progress,
 * org.glamibench.run, org.glamibench.stats, org.glamibench.store.
 */
package org.glamibench.leaderboard.gate;
