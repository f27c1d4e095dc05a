package org.glamibench.torch;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle virtual machine for the protocol-2 streams that {@code torch.save} writes as {@code data.pkl}:
 * the opcodes of protocols 0-2 that a binary pickler emits, and only the globals {@link PickleGlobals}
 * knows. Python objects become the Java objects listed in {@link TorchFile#root()}. Every failure is a
 * {@link TorchFileException} naming the file, the entry and the byte offset.
 */
final class Unpickler {
    /** Resolves a persistent id (BINPERSID) to the object it stands for. */
    interface PersistentLoader {
        /** The object for {@code pid}; throws {@link IllegalArgumentException} for one it does not know. */
        Object load(Object pid);
    }

    private static final int HIGHEST_PROTOCOL = 2;

    private final byte[] data;
    private final Path file;
    private final String entry;
    private final PickleGlobals globals;
    private final PersistentLoader persistentLoader;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int position;

    private Unpickler(byte[] data, Path file, String entry, PersistentLoader persistentLoader) {
        this.data = data;
        this.file = file;
        this.entry = entry;
        this.globals = new PickleGlobals();
        this.persistentLoader = persistentLoader;
    }

    /**
     * Unpickles {@code data}, the content of {@code entry} of {@code file}.
     *
     * @throws TorchFileException for a truncated or malformed stream, a protocol above 2, an opcode or
     *                            global that is not supported, or a persistent id the loader refuses
     */
    static Object load(byte[] data, Path file, String entry, PersistentLoader persistentLoader) {
        return new Unpickler(data, file, entry, persistentLoader).run();
    }

    private Object run() {
        while (true) {
            int opcodeAt = position;
            int opcode = readByte();
            try {
                if (opcode == '.') {
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw new IllegalArgumentException("STOP with " + stack.size() + " objects on the stack");
                    }
                    return stack.get(0);
                }
                execute(opcode);
            } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
                throw fail(opcodeAt, describe(opcode) + ": " + e.getMessage(), e);
            }
        }
    }

    private void execute(int opcode) {
        switch (opcode) {
            case 0x80 -> {
                int protocol = readByte();
                if (protocol > HIGHEST_PROTOCOL) {
                    throw new IllegalArgumentException("pickle protocol " + protocol
                            + " is not supported (torch.save writes protocol 2)");
                }
            }
            case '(' -> marks.push(stack.size());
            case '0' -> pop();
            case '1' -> popMark();
            case '2' -> push(peek());
            case 'J' -> push((long) readLittleEndian(4).getInt());
            case 'K' -> push((long) readByte());
            case 'M' -> push((long) Short.toUnsignedInt(readLittleEndian(2).getShort()));
            case 0x8a -> push(readLong(readByte()));
            case 0x8b -> push(readLong(readLength()));
            case 'G' -> push(ByteBuffer.wrap(readBytes(8)).order(ByteOrder.BIG_ENDIAN).getDouble());
            case 'X' -> push(new String(readBytes(readLength()), StandardCharsets.UTF_8));
            case 'U' -> push(new String(readBytes(readByte()), StandardCharsets.UTF_8));
            case 'T' -> push(new String(readBytes(readLength()), StandardCharsets.UTF_8));
            case 'C' -> push(readBytes(readByte()));
            case 'B' -> push(readBytes(readLength()));
            case 'N' -> push(null);
            case 0x88 -> push(true);
            case 0x89 -> push(false);
            case '}' -> push(new LinkedHashMap<>());
            case 'd' -> push(toDict(popMark()));
            case 's' -> {
                Object value = pop();
                Object key = pop();
                dict(peek()).put(key, value);
            }
            case 'u' -> {
                List<Object> items = popMark();
                dict(peek()).putAll(toDict(items));
            }
            case ']' -> push(new ArrayList<>());
            case 'l' -> push(new ArrayList<>(popMark()));
            case 'a' -> {
                Object value = pop();
                list(peek()).add(value);
            }
            case 'e' -> {
                List<Object> items = popMark();
                list(peek()).addAll(items);
            }
            case ')' -> push(tuple(List.of()));
            case 't' -> push(tuple(popMark()));
            case 0x85 -> push(tuple(popLast(1)));
            case 0x86 -> push(tuple(popLast(2)));
            case 0x87 -> push(tuple(popLast(3)));
            case 'c' -> push(globals.resolve(readLine(), readLine()));
            case 'R', 0x81 -> {
                Object args = pop();
                push(globals.call(pop(), args));
            }
            case 'b' -> {
                Object state = pop();
                globals.build(peek(), state);
            }
            case 'q' -> memo.put((long) readByte(), peek());
            case 'r' -> memo.put(Integer.toUnsignedLong(readLittleEndian(4).getInt()), peek());
            case 'h' -> push(memoized(readByte()));
            case 'j' -> push(memoized(Integer.toUnsignedLong(readLittleEndian(4).getInt())));
            case 'Q' -> push(persistentLoader.load(pop()));
            default -> throw new IllegalArgumentException("not supported (torch.save writes binary protocol 2)");
        }
    }

    private static String describe(int opcode) {
        return opcode >= 0x20 && opcode < 0x7f ? "opcode '" + (char) opcode + "'"
                : String.format("opcode 0x%02x", opcode);
    }

    private TorchFileException fail(int at, String detail, Throwable cause) {
        return new TorchFileException(file, entry + " at byte " + at + ": " + detail, cause);
    }

    private void push(Object value) {
        stack.add(value);
    }

    private Object pop() {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.peek() == stack.size())) {
            throw new IllegalArgumentException("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.peek() == stack.size())) {
            throw new IllegalArgumentException("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popLast(int count) {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() - count < floor) {
            throw new IllegalArgumentException("stack underflow");
        }
        List<Object> tail = stack.subList(stack.size() - count, stack.size());
        List<Object> items = new ArrayList<>(tail);
        tail.clear();
        return items;
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw new IllegalArgumentException("no MARK on the stack");
        }
        int start = marks.pop();
        List<Object> tail = stack.subList(start, stack.size());
        List<Object> items = new ArrayList<>(tail);
        tail.clear();
        return items;
    }

    private Object memoized(long index) {
        if (!memo.containsKey(index)) {
            throw new IllegalArgumentException("memo " + index + " was never stored");
        }
        return memo.get(index);
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    private static Map<Object, Object> toDict(List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new IllegalArgumentException("odd number of items for a dict");
        }
        Map<Object, Object> dict = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(items.get(i), items.get(i + 1));
        }
        return dict;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object target) {
        if (!(target instanceof LinkedHashMap)) {
            throw new IllegalArgumentException("setting items on " + PickleGlobals.typeName(target) + ", not a dict");
        }
        return (Map<Object, Object>) target;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object target) {
        if (!(target instanceof ArrayList)) {
            throw new IllegalArgumentException("appending to " + PickleGlobals.typeName(target) + ", not a list");
        }
        return (List<Object>) target;
    }

    private int readByte() {
        if (position >= data.length) {
            throw fail(position, "the pickle ends before its STOP opcode (truncated)", null);
        }
        return data[position++] & 0xff;
    }

    private byte[] readBytes(long count) {
        if (count < 0 || count > data.length - position) {
            throw fail(position, "the pickle ends inside a " + count + "-byte item (truncated)", null);
        }
        byte[] bytes = Arrays.copyOfRange(data, position, position + (int) count);
        position += (int) count;
        return bytes;
    }

    private ByteBuffer readLittleEndian(int count) {
        return ByteBuffer.wrap(readBytes(count)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private long readLength() {
        return Integer.toUnsignedLong(readLittleEndian(4).getInt());
    }

    private Object readLong(long byteCount) {
        byte[] littleEndian = readBytes(byteCount);
        if (littleEndian.length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        BigInteger value = new BigInteger(bigEndian);
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    private String readLine() {
        int start = position;
        while (readByte() != '\n') {
            // scan to the end of the line
        }
        return new String(data, start, position - 1 - start, StandardCharsets.UTF_8);
    }
}
