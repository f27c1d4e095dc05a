/**
 * The adapters a run can use and how they run: {@link org.glamibench.registry.AdapterRegistry}
 * holds the built-ins on the class path and the adapters of jars (each jar in a class loader of its
 * own) under unique names, {@link org.glamibench.registry.Isolation} says whether an adapter runs
 * in process, in a child JVM or sandboxed, and {@link org.glamibench.registry.ScoreCheck} is the
 * output contract of {@code predict}, checked at the boundary.
 *
 * <p>May import: org.glamibench.adapter.
 */
package org.glamibench.registry;
