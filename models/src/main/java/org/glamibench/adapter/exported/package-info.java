/**
 * The {@code exported} adapter: ONNX and TorchScript classifiers exported from Python, run through
 * DJL (ONNX Runtime or PyTorch) as a JSON model spec describes them, with no Java to write.
 *
 * <p>{@link org.glamibench.adapter.exported.ModelSpec} reads and checks a spec;
 * {@link org.glamibench.adapter.exported.ImagePreprocessor} and
 * {@link org.glamibench.adapter.exported.TextEncoder} make model inputs in plain Java and with the
 * HuggingFace tokenizers binding; {@link org.glamibench.adapter.exported.ExportedModel} loads and
 * runs the model file; {@link org.glamibench.adapter.exported.ExportedAdapter} ties them to the
 * harness and maps output columns onto the run's class index. Every problem with a spec is a
 * {@link org.glamibench.adapter.exported.SpecException} at open, naming the spec file and field.
 *
 * <p>Limits: inputs are one image (float32) and token ids, attention mask and token type ids
 * (int64); the text is the item's name and description; the output is one float matrix, one row per
 * item. Other inputs (geo, label_source) and other dtypes need an adapter of their own.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.download,
 * org.glamibench.image, org.glamibench.models, org.glamibench.progress.
 */
package org.glamibench.adapter.exported;
