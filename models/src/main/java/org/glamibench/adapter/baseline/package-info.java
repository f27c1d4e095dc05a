/**
 * The {@code baseline} adapter: named, downloadable weights from a registry
 * ({@link org.glamibench.baselines.BaselineRegistry}; the built-in one is
 * {@code org/glamibench/models/baselines.json}) or from a URL with its SHA-256, downloaded and
 * verified in the cache ({@link org.glamibench.download.WeightsCache}) and run by the
 * {@code exported} adapter when they are a model zip (a spec and its files).
 *
 * <p>The published GLAMI-1M weights (Zenodo record 7353512) are PyTorch pickles: they are listed, and
 * selecting one is refused with the reason and what an export would need.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.adapter.exported, org.glamibench.baselines,
 * org.glamibench.download, org.glamibench.features, org.glamibench.published, org.glamibench.run.
 */
package org.glamibench.adapter.baseline;
