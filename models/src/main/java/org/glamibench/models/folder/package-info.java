/**
 * Model folders: {@code model.params} (the DJL block's parameters) and {@code model.json}, the
 * manifest that says what the model is (architecture, settings, preprocessing), which classes it
 * scores (class index hash and the index itself), what it was trained on (training-data manifest
 * hash, epochs, validation metrics) and the SHA-256 of every file, checked before loading; and the
 * built-in model kinds ({@link org.glamibench.models.folder.ModelKind}) that a manifest names.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.files.
 */
package org.glamibench.models.folder;
