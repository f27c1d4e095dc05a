package org.glamibench.onnx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an ONNX model of one graph in the default operator domain, with float32 initializers, float32
 * tensor inputs and outputs whose first dimension is symbolic (the batch), and nodes with integer or
 * integer-list attributes; then writes it as an ONNX file. The field numbers are those of
 * onnx/onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto,
 * TypeProto, TensorShapeProto, OperatorSetIdProto). Nothing is checked against the operators'
 * schemas: ONNX Runtime does that when it loads the file. Not thread-safe.
 */
public final class OnnxModelWriter {
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int OPSET_VERSION = 2;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_I = 3;
    private static final int ATTRIBUTE_INTS = 8;
    private static final int ATTRIBUTE_TYPE = 20;
    private static final int ATTRIBUTE_TYPE_INT = 2;
    private static final int ATTRIBUTE_TYPE_INTS = 7;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int DATA_TYPE_FLOAT = 1;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR_TYPE = 1;
    private static final int TYPE_TENSOR_ELEM_TYPE = 1;
    private static final int TYPE_TENSOR_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    /** The encoded fields of the GraphProto, each with its tag, in the order added. */
    private final List<byte[]> graphFields = new ArrayList<>();

    /** @param graphName the graph's name */
    public OnnxModelWriter(String graphName) {
        graphFields.add(new ProtoWriter().string(GRAPH_NAME, graphName).toByteArray());
    }

    /** A node attribute: one integer, or a list of them. */
    public record Attribute(String name, long[] values, boolean list) {
        /** An INT attribute. */
        public static Attribute integer(String name, long value) {
            return new Attribute(name, new long[] {value}, false);
        }

        /** An INTS attribute. */
        public static Attribute integers(String name, long... values) {
            return new Attribute(name, values.clone(), true);
        }

        private ProtoWriter encoded() {
            ProtoWriter attribute = new ProtoWriter().string(ATTRIBUTE_NAME, name);
            if (list) {
                attribute.integer(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INTS).integers(ATTRIBUTE_INTS, values);
            } else {
                attribute.integer(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INT).integer(ATTRIBUTE_I, values[0]);
            }
            return attribute;
        }
    }

    /** Adds a float32 graph input of shape [{@code batch}, dims...], {@code batch} a symbolic dimension. */
    public void input(String name, String batch, long... dims) {
        graphFields.add(new ProtoWriter().message(GRAPH_INPUT, valueInfo(name, batch, dims)).toByteArray());
    }

    /** Adds a float32 graph output of shape [{@code batch}, dims...], {@code batch} a symbolic dimension. */
    public void output(String name, String batch, long... dims) {
        graphFields.add(new ProtoWriter().message(GRAPH_OUTPUT, valueInfo(name, batch, dims)).toByteArray());
    }

    /**
     * Adds a float32 initializer (a constant input of nodes), values in C order.
     *
     * @throws IllegalArgumentException when the values do not fill the dimensions exactly
     */
    public void initializer(String name, float[] values, long... dims) {
        long count = 1;
        for (long dim : dims) {
            count = Math.multiplyExact(count, dim);
        }
        if (count != values.length) {
            throw new IllegalArgumentException("initializer " + name + ": " + values.length + " values for dims "
                    + Arrays.toString(dims));
        }
        ProtoWriter tensor = new ProtoWriter().integers(TENSOR_DIMS, dims).integer(TENSOR_DATA_TYPE, DATA_TYPE_FLOAT)
                .string(TENSOR_NAME, name).floatsLittleEndian(TENSOR_RAW_DATA, values);
        graphFields.add(new ProtoWriter().message(GRAPH_INITIALIZER, tensor).toByteArray());
    }

    /** Adds a node of the default domain; nodes must be added in an order where inputs come first. */
    public void node(String opType, List<String> inputs, String output, Attribute... attributes) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(NODE_INPUT, input);
        }
        node.string(NODE_OUTPUT, output).string(NODE_OP_TYPE, opType);
        for (Attribute attribute : attributes) {
            node.message(NODE_ATTRIBUTE, attribute.encoded());
        }
        graphFields.add(new ProtoWriter().message(GRAPH_NODE, node).toByteArray());
    }

    /**
     * Writes the model: IR version, producer, one opset import of the default domain, the graph.
     *
     * @throws IOException when the file cannot be written
     */
    public void write(Path file, long irVersion, long opsetVersion, String producer) throws IOException {
        long graphLength = 0;
        for (byte[] field : graphFields) {
            graphLength += field.length;
        }
        ProtoWriter header = new ProtoWriter().integer(MODEL_IR_VERSION, irVersion)
                .string(MODEL_PRODUCER_NAME, producer)
                .message(MODEL_OPSET_IMPORT, new ProtoWriter().integer(OPSET_VERSION, opsetVersion));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header.toByteArray());
            ProtoWriter.lengthDelimitedHeader(out, MODEL_GRAPH, graphLength);
            for (byte[] field : graphFields) {
                out.write(field);
            }
        }
    }

    private static ProtoWriter valueInfo(String name, String batch, long... dims) {
        ProtoWriter shape = new ProtoWriter().message(SHAPE_DIM, new ProtoWriter().string(DIM_PARAM, batch));
        for (long dim : dims) {
            shape.message(SHAPE_DIM, new ProtoWriter().integer(DIM_VALUE, dim));
        }
        ProtoWriter tensor = new ProtoWriter().integer(TYPE_TENSOR_ELEM_TYPE, DATA_TYPE_FLOAT)
                .message(TYPE_TENSOR_SHAPE, shape);
        return new ProtoWriter().string(VALUE_INFO_NAME, name)
                .message(VALUE_INFO_TYPE, new ProtoWriter().message(TYPE_TENSOR_TYPE, tensor));
    }
}
