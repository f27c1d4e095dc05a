/**
 * Precomputed per-item features joined to items by item id on the harness's side, so that adapters
 * still never see item ids: the {@code .npy} table and the interface of the built-in adapters that
 * read one. Imports the adapter SPI and {@code npy}.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.files, org.glamibench.npy.
 */
package org.glamibench.features;
