/**
 * GLAMI-1M's rows, splits, geos and class index, as the harness and adapters read them.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.dataset;
