/**
 * The harness's typed programmatic API: an {@link org.glamibench.harness.Evaluation} (data, adapter,
 * isolation, settings) run into a run folder, and how jar adapters are isolated
 * ({@link org.glamibench.harness.IsolationSettings}). The command line, the baseline gate and the
 * benchmarks evaluate through it; it joins the registry, the isolation layer and the evaluator,
 * which know nothing of each other's callers.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.eval,
 * org.glamibench.isolation, org.glamibench.progress, org.glamibench.registry.
 */
package org.glamibench.harness;
