/**
 * The built-in baseline models, trained and run with DJL on the PyTorch engine: a small CNN on the
 * photo ({@code image}), a fastText-style bag of hashed words and character n-grams on the text
 * ({@code text}), and EmbraceNet fusing both ({@code embracenet}), after the published GLAMI-1M
 * baselines scaled down to train on a CPU.
 *
 * <p>Sub-packages, one job each: {@code input} turns photos and texts into model inputs (the
 * same code at training and evaluation time), {@code nn} builds the DJL blocks, {@code folder}
 * reads and writes model folders ({@code model.params} and the {@code model.json} manifest),
 * {@code train} trains a model into a folder, and {@code adapters} evaluates a trained folder
 * through the harness's adapter SPI. This package holds what all of them share: the model kinds
 * and the choice of device.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.files, org.glamibench.models.folder,
 * org.glamibench.models.input, org.glamibench.models.nn.
 */
package org.glamibench.models;
