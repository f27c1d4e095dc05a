/**
 * The NPY file format of numpy for the arrays the harness exchanges with Python: float32 score and
 * feature matrices, int64 id vectors. Imports the JDK only.
 */
package org.glamibench.npy;
