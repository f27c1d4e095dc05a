/**
 * What one split of a dataset holds ({@link org.glamibench.inspect.DatasetInspector}): rows per
 * geo, label source and class, the manifest and class index hashes, and every bad row and, when
 * asked, every bad image, checked on a pool of threads.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.image.
 */
package org.glamibench.inspect;
