/**
 * The adapter SPI: {@link org.glamibench.adapter.ModelAdapter}, the one interface a model
 * implements to be evaluated, and what the harness tells it.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.image, org.glamibench.progress.
 */
package org.glamibench.adapter;
