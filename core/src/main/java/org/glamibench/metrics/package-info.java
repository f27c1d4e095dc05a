/**
 * The metric pack: accuracy, per-language and per-class metrics, confusion and calibration,
 * computed from stored predictions only (this package never calls a model).
 *
 * <p>Items are added to a {@link org.glamibench.metrics.MetricAccumulator}; accumulators of
 * separately computed shards {@linkplain org.glamibench.metrics.MetricAccumulator#merge merge} to
 * exactly the values of a single pass, and {@link org.glamibench.metrics.MetricAccumulator#result()}
 * gives an immutable {@link org.glamibench.metrics.MetricReport}. {@link org.glamibench.metrics.Scores}
 * holds the score helpers the evaluator uses before storing a prediction (softmax, top-k).
 *
 * <p>Conventions: classes are indices {@code 0..K-1} of the class index; an item that failed
 * ({@link org.glamibench.store.ItemStatus#INPUT_ERROR}, {@link org.glamibench.store.ItemStatus#ADAPTER_ERROR})
 * counts as wrong and as a miss of its true class, so failing never scores better than answering
 * in accuracy or recall; a metric of an empty set of items is {@code NaN}, never an exception. Definitions follow scikit-learn 1.2
 * where it has the metric; the tests check them against fixtures it computed
 * ({@code core/src/test/python/make_metric_fixtures.py}).
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.store.
 */
package org.glamibench.metrics;
