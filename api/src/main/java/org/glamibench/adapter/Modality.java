package org.glamibench.adapter;

/** Which inputs a model reads. The pipeline decodes images only for IMAGE and IMAGE_TEXT. */
public enum Modality {
    /** The product photo only. */
    IMAGE,
    /** The name and description only. */
    TEXT,
    /** Photo and text. */
    IMAGE_TEXT,
    /**
     * Neither: the model predicts without looking at the item (e.g. the class-frequency prior or
     * a random guess). An adapter that reads an input must not declare it.
     */
    NONE;

    /** {@return whether items carry a decoded image: true for IMAGE and IMAGE_TEXT} */
    public boolean readsImage() {
        return this == IMAGE || this == IMAGE_TEXT;
    }
}
