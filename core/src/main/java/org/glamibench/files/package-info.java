/**
 * Helpers for files and folders that several packages need.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.files;
