/**
 * Compares two runs on the same test set item by item
 * ({@link org.glamibench.compare.RunComparison}): the exact McNemar test overall and per geo,
 * Holm-corrected across geos, and a paired bootstrap interval of the top-1 difference. Runs on
 * different test sets or class indices are refused, never compared.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.run, org.glamibench.stats,
 * org.glamibench.store.
 */
package org.glamibench.compare;
