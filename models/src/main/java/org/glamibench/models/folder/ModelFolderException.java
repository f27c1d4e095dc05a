package org.glamibench.models.folder;

/**
 * A folder does not hold a usable model: missing or malformed manifest, a file whose SHA-256
 * differs from the manifest's, another kind of model, or classes other than the run's. A bad
 * argument in the command line's terms (exit code 2).
 */
public final class ModelFolderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ModelFolderException(String message) {
        super(message);
    }

    public ModelFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
