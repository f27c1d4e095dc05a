/**
 * GLAMI-1M as the harness and adapters read it: the split CSVs row by row
 * ({@link org.glamibench.dataset.GlamiCsvReader}, {@link org.glamibench.dataset.TrainSplit}), the
 * languages ({@link org.glamibench.dataset.Geo}) and the classes models score
 * ({@link org.glamibench.dataset.ClassIndex}).
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.dataset;
