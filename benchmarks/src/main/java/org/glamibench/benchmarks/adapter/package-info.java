/**
 * JMH benchmarks of model adapters' forward passes on inputs already prepared: scores are per
 * predict call of {@code batch} items (the report turns them into items per second).
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.adapter.exported,
 * org.glamibench.benchmarks.setup, org.glamibench.dataset, org.glamibench.image,
 * org.glamibench.models.folder, org.glamibench.registry.
 */
package org.glamibench.benchmarks.adapter;
