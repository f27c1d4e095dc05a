/**
 * The prediction store: the predictions of one evaluation run, kept in its run folder as the
 * system of record from which every metric is computed. {@link org.glamibench.store.PredictionStore}
 * writes a run incrementally and resumes an interrupted one; {@link org.glamibench.store.StoredPredictions}
 * reads and checks a run folder.
 *
 * <p>A run folder holds, for people and for pandas/numpy as much as for the harness:
 * <ul>
 *   <li>{@code classes.json}: the class index, {@code {"sha256", "source_split", "classes": [{"index",
 *       "category", "name"}...]}}; a folder is only ever written with the class index it was
 *       started with.</li>
 *   <li>{@code predictions.csv}: UTF-8, LF, header
 *       {@code item_id,geo,category,pred_1..pred_5,score_1..score_5,status,error}; one row per item,
 *       keyed by {@code item_id}; {@code category} the true category id; {@code pred_k} category
 *       ids best first; {@code score_k} their probabilities, written by {@code Float.toString} so
 *       that they read back as the same float32 (in pandas: {@code astype("float32")});
 *       {@code status} {@code ok}, {@code input_error} or {@code adapter_error}; {@code error} the
 *       message of a failed item, RFC-4180 quoted where needed. A failed item's pred and score
 *       cells are empty, as are those beyond the number of classes.</li>
 *   <li>{@code scores.npy}, when the run saves full scores: float32 little-endian, C order, shape
 *       {@code (rows, classes)}, row {@code i} for row {@code i} of {@code predictions.csv}, all NaN
 *       for a failed item; NPY 1.0 with a 128-byte header ({@code numpy.load} reads it).</li>
 * </ul>
 * While a run is being written, or after it was interrupted, the last two are named
 * {@code predictions.csv.part} and {@code scores.npy.part}.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.files, org.glamibench.npy.
 */
package org.glamibench.store;
