/**
 * The network of the published GLAMI-1M EmbraceNet checkpoint (Zenodo 7353512,
 * {@code embracenet_1_final.pt}) rebuilt with DJL NDArray operations for inference in float32:
 * ResNeXt-50 32x4d cut at average pooling on the photo, EmbraceNet docking of the text features,
 * the pooled image features and the label_source one-hot, the embracement, and the classifier head
 * with log_softmax. The weights and the class lists are read from the torch.save file itself. The
 * image trunk can instead run on ONNX Runtime, from an ONNX graph written from the same folded weights.
 *
 * <p>The network's classes may import DJL's api ({@code ai.djl}), {@code org.glamibench.torch}, the
 * reader of torch.save files, and {@code org.glamibench.onnx}, the ONNX file writer; the adapter
 * ({@code GlamiEmbraceNetAdapter}) also the harness's adapter, run and input packages.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.baselines, org.glamibench.dataset,
 * org.glamibench.download, org.glamibench.features, org.glamibench.files, org.glamibench.image,
 * org.glamibench.models, org.glamibench.mt5, org.glamibench.onnx, org.glamibench.progress,
 * org.glamibench.run, org.glamibench.stats, org.glamibench.torch.
 */
package org.glamibench.published;
