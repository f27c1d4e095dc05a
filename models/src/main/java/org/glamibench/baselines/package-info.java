/**
 * The registry of downloadable baseline weights ({@code glami-bench-baselines/1}): each entry's
 * name and aliases, kind, modality, URL, size and SHA-256, and the pinned text model a published
 * checkpoint needs. The built-in registry is {@code org/glamibench/models/baselines.json}; the
 * {@code baseline} adapter and the published network read it.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.adapter.exported.
 */
package org.glamibench.baselines;
