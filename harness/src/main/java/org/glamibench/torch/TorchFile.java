package org.glamibench.torch;

import java.nio.file.Path;

/** An opened torch.save file; storages are read lazily from the zip, only when a tensor's data is asked for. */
public final class TorchFile implements AutoCloseable {
    /** Opens and unpickles {@code file}. */
    public static TorchFile open(Path file) {
        throw new UnsupportedOperationException();
    }

    /** The file. */
    public Path file() {
        throw new UnsupportedOperationException();
    }

    /** The unpickled object. */
    public Object root() {
        throw new UnsupportedOperationException();
    }

    /** Closes the zip. */
    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
