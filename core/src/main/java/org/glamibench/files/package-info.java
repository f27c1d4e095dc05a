/**
 * Helpers for files and folders that several packages need: atomic, durable writes and moves
 * ({@link org.glamibench.files.AtomicFiles}), folder trees, SHA-256.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.files;
