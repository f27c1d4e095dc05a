/**
 * The reference adapters every board shows: {@code prior} (majority) and {@code random} (chance).
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.stats.
 */
package org.glamibench.adapter.builtin;
