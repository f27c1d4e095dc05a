/**
 * Adapters from jars run in child JVMs, so that submitted code cannot take the harness down or
 * see what it must not: the harness reads the data and sends each batch's inputs (pixels, texts,
 * geo, label source; never a category or an item id) over the child's standard input in
 * length-prefixed frames ({@link org.glamibench.isolation.ChildProtocol}), and reads the scores
 * from its standard output. A child that crashes, exits, runs out of its heap, hangs past the
 * batch timeout or writes garbage is ended and its batch retried once in a fresh child.
 *
 * <p>Three isolation levels ({@link org.glamibench.registry.Isolation.Level}): in process (the
 * built-ins, and jars with {@code --in-process}), in a child JVM ({@code --no-sandbox}, or where
 * the sandbox cannot run), and in a child JVM inside a bubblewrap sandbox (no network, no dataset
 * folder: the default for jars where bubblewrap runs, and {@code --sandbox}, which insists).
 * {@link org.glamibench.isolation.ChildProcessAdapter} is the harness's side,
 * {@link org.glamibench.isolation.AdapterHost} the child's main class.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.image,
 * org.glamibench.registry.
 */
package org.glamibench.isolation;
