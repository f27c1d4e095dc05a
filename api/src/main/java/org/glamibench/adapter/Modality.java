package org.glamibench.adapter;

/** Which inputs a model reads. The pipeline decodes images only for IMAGE and IMAGE_TEXT. */
public enum Modality {
    /** The product photo only. */
    IMAGE,
    /** The name and description only. */
    TEXT,
    /** Photo and text. */
    IMAGE_TEXT;

    /** {@return whether items carry a decoded image: true for IMAGE and IMAGE_TEXT} */
    public boolean readsImage() {
        return this != TEXT;
    }
}
