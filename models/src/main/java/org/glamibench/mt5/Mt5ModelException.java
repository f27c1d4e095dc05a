package org.glamibench.mt5;

/**
 * An mT5 model folder that cannot be used: a bad {@code config.json} or a file missing. The message names
 * the file (and the key). Problems inside {@code pytorch_model.bin} are
 * {@link org.glamibench.torch.TorchFileException}s.
 */
public final class Mt5ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which names the file. */
    public Mt5ModelException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, which names the file, caused by {@code cause}. */
    public Mt5ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
