/** The reference adapters every board shows: {@code prior} (majority) and {@code random} (chance). */
package org.glamibench.adapter.builtin;
