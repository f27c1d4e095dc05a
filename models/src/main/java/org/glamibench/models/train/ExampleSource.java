package org.glamibench.models.train;

import org.glamibench.image.ImageDecodeException;

/**
 * Makes the example of a row. Thread-safe: called on worker threads.
 *
 * @param <E> the example type
 */
@FunctionalInterface
interface ExampleSource<E> {

    /**
     * The example of a row (a position in {@link TrainingData#rows()}).
     *
     * @throws ImageDecodeException when the row's photo cannot be used: the row is left out
     */
    E example(int row) throws ImageDecodeException;
}
