/**
 * Statistics over stored predictions: bootstrap confidence intervals resampled within each geo
 * ({@link org.glamibench.stats.BootstrapIntervals}), the paired bootstrap of an accuracy
 * difference, the exact McNemar test and Holm's correction. Seeded results depend only on the seed,
 * never on the number of threads.
 *
 * <p>May import: org.glamibench.dataset.
 */
package org.glamibench.stats;
