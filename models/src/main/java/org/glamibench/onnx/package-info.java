/**
 * Writes ONNX model files without the onnx library: {@link org.glamibench.onnx.ProtoWriter} encodes
 * protocol buffer fields (the wire format), {@link org.glamibench.onnx.OnnxModelWriter} lays out the
 * messages of onnx/onnx.proto a small float32 inference graph needs (model, graph, nodes with integer
 * attributes, float initializers, tensor inputs and outputs).
 *
 * <p>Imports only the JDK.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.onnx;
