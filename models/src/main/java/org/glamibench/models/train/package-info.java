/**
 * Training of the built-in models into model folders ({@link org.glamibench.models.train.ModelTrainer}):
 * the train split less a held-out validation part, images decoded on a worker pool and kept in a
 * bounded in-memory cache, Adam, a checkpoint after every epoch from which the same request
 * resumes, and results that depend only on the data, the settings and the seed (on the CPU).
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.files,
 * org.glamibench.image, org.glamibench.models, org.glamibench.models.folder,
 * org.glamibench.models.input, org.glamibench.models.nn, org.glamibench.progress,
 * org.glamibench.stats.
 */
package org.glamibench.models.train;
