/** Helpers for files and folders that several packages need. */
package org.glamibench.files;
