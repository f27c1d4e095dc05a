package org.glamibench.sentencepiece;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over one protobuf message in the wire format: reads tags and the values of the four wire types that
 * proto2 messages without groups use. Every malformed input raises a {@link SentencePieceException} that starts
 * with the file and names the message being read.
 */
final class WireReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] data;
    private final int end;
    private final String file;
    private final String message;
    private int position;
    private int wireType;

    /**
     * A reader of the bytes {@code [from, to)} of {@code data}, which hold one message.
     *
     * @param file    names the file in messages
     * @param message names the message, e.g. {@code ModelProto.trainer_spec}, in messages
     */
    WireReader(byte[] data, int from, int to, String file, String message) {
        this.data = data;
        this.position = from;
        this.end = to;
        this.file = file;
        this.message = message;
    }

    /**
     * Reads the next tag; returns its field number, or 0 at the end of the message. The wire type is then
     * available from {@link #wireType()}.
     *
     * @throws SentencePieceException for a truncated tag, field number 0 or an unknown or group wire type
     */
    int nextField() {
        if (position == end) {
            return 0;
        }
        long tag = readVarint();
        int field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0 || tag >>> 3 > Integer.MAX_VALUE) {
            throw error("invalid field number " + (tag >>> 3));
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw error("field " + field + " has wire type " + wireType + ", which this reader does not accept");
        }
        return field;
    }

    /** The wire type of the field that {@link #nextField()} read. */
    int wireType() {
        return wireType;
    }

    /** Reads a varint field's value as an int32 (or enum, or bool), as protobuf truncates a 64-bit varint. */
    int readInt(int field) {
        expect(field, VARINT);
        return (int) readVarint();
    }

    /** Reads a bool field's value. */
    boolean readBool(int field) {
        expect(field, VARINT);
        return readVarint() != 0;
    }

    /** Reads a float field's value (fixed32, little-endian). */
    float readFloat(int field) {
        expect(field, FIXED32);
        require(4, field);
        int bits = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8 | (data[position + 2] & 0xFF) << 16
                | (data[position + 3] & 0xFF) << 24;
        position += 4;
        return Float.intBitsToFloat(bits);
    }

    /** Reads a bytes field's value. */
    byte[] readBytes(int field) {
        int length = readLength(field);
        byte[] value = new byte[length];
        System.arraycopy(data, position, value, 0, length);
        position += length;
        return value;
    }

    /**
     * Reads a string field's value.
     *
     * @throws SentencePieceException when it is not valid UTF-8
     */
    String readString(int field) {
        int length = readLength(field);
        try {
            String value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, position, length)).toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw error("field " + field + " is not valid UTF-8");
        }
    }

    /** Reads a message field: returns a reader of its bytes, named {@code message.name} in messages. */
    WireReader readMessage(int field, String name) {
        int length = readLength(field);
        WireReader nested = new WireReader(data, position, position + length, file, message + "." + name);
        position += length;
        return nested;
    }

    /** Skips the value of a field this reader does not use. */
    void skip(int field) {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> {
                require(8, field);
                position += 8;
            }
            case FIXED32 -> {
                require(4, field);
                position += 4;
            }
            default -> {
                int length = readLength(field);
                position += length;
            }
        }
    }

    /** An error about this message, its text starting with the file. */
    SentencePieceException error(String problem) {
        return new SentencePieceException(file + ": " + message + ": " + problem);
    }

    private int readLength(int field) {
        expect(field, LENGTH_DELIMITED);
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw error("field " + field + " claims " + length + " bytes but " + (end - position)
                    + " remain (truncated file?)");
        }
        return (int) length;
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position == end) {
                throw error("truncated varint at byte " + position);
            }
            byte b = data[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw error("varint longer than 10 bytes at byte " + position);
    }

    private void expect(int field, int type) {
        if (wireType != type) {
            throw error("field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }

    private void require(int bytes, int field) {
        if (end - position < bytes) {
            throw error("field " + field + " is truncated");
        }
    }
}
