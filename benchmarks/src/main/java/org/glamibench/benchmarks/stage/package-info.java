/**
 * JMH benchmarks of the evaluation's stages on their own (CSV reading, JPEG decoding and
 * preprocessing, text featurisation, metric accumulation, the prediction store). Every score is in
 * items per second (one operation is one row, image or text), so the report can chart them side
 * by side as a breakdown of the cost per item.
 *
 * <p>May import: org.glamibench.adapter.exported, org.glamibench.benchmarks.setup,
 * org.glamibench.dataset, org.glamibench.files, org.glamibench.image, org.glamibench.leakage,
 * org.glamibench.metrics, org.glamibench.models.input, org.glamibench.store.
 */
package org.glamibench.benchmarks.stage;
