package org.glamibench.torch;

import java.util.Set;

/** A state dict: tensor by key, consumed as it is mapped onto a network. */
public final class StateDict {
    /** The state dict at {@code node}. */
    public static StateDict of(TorchFile file, Object node, String what) {
        throw new UnsupportedOperationException();
    }

    /** The keys. */
    public Set<String> keys() {
        throw new UnsupportedOperationException();
    }

    /** Whether it has the key. */
    public boolean has(String key) {
        throw new UnsupportedOperationException();
    }

    /** Takes a tensor of the expected shape. */
    public TorchTensor take(String key, long... expectedShape) {
        throw new UnsupportedOperationException();
    }

    /** Takes a tensor of any shape. */
    public TorchTensor take(String key) {
        throw new UnsupportedOperationException();
    }

    /** Throws when keys are left. */
    public void requireAllTaken() {
        throw new UnsupportedOperationException();
    }

    /** Marks keys with this prefix as unused. */
    public void ignore(String prefix) {
        throw new UnsupportedOperationException();
    }
}
