/**
 * The model adapter SPI: {@link org.glamibench.adapter.ModelAdapter}, the one interface a third
 * party implements to have a model evaluated, and the values the harness and an adapter exchange
 * (context, item input, descriptor, device, engine).
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.image, org.glamibench.progress.
 */
package org.glamibench.adapter;
