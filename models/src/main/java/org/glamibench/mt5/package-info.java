/**
 * The mT5 encoder (Hugging Face's {@code MT5EncoderModel}, e.g. {@code google/mt5-small}) on DJL NDArrays, float32,
 * inference only: {@link org.glamibench.mt5.Mt5Encoder} loads a model folder ({@code config.json},
 * {@code pytorch_model.bin}) and gives the last hidden state; {@link org.glamibench.mt5.Mt5TextFeatures} adds
 * the tokenizer ({@code spiece.model}) and computes the published GLAMI-1M baseline's text features.
 *
 * <p>May import DJL's API ({@code ai.djl.*}, run on the PyTorch engine), Jackson (for {@code config.json}),
 * {@link org.glamibench.torch} (the weights file) and {@link org.glamibench.sentencepiece} (the tokenizer);
 * nothing else of the harness.
 *
 * <p>May import: org.glamibench.sentencepiece, org.glamibench.torch.
 */
package org.glamibench.mt5;
