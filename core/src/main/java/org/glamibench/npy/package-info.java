/**
 * The NPY file format of numpy for the arrays the harness exchanges with Python: float32 score and
 * feature matrices, int64 id vectors. Imports the JDK only.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.npy;
