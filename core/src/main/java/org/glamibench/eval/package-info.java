/**
 * The evaluation loop: {@link org.glamibench.eval.Evaluator} streams a split's items through a
 * threaded input pipeline and one adapter, checks every output at the boundary, stores each
 * prediction as it comes (resuming an interrupted run) and writes run.json with metrics computed
 * from the stored predictions only. {@link org.glamibench.eval.AdapterValidator} checks an
 * adapter's contract before it scores anything.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.features,
 * org.glamibench.files, org.glamibench.image, org.glamibench.metrics, org.glamibench.progress,
 * org.glamibench.registry, org.glamibench.run, org.glamibench.stats, org.glamibench.store.
 */
package org.glamibench.eval;
