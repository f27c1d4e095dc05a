/**
 * Progress of long work for people: a redrawn line with amount, rate and ETA on a terminal, only a
 * closing summary line in logs. Nothing here changes what the work computes.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.progress;
