package org.glamibench.inspect;

import java.util.List;
import java.util.Map;

/**
 * What {@link DatasetInspector} found in one split. Serialised with snake_case keys by
 * {@code glami-bench inspect --json}.
 *
 * @param dataset                the dataset folder
 * @param split                  {@code train} or {@code test}
 * @param rows                   valid rows read
 * @param perGeo                 rows per geo code, in {@link Geo} order, zero counts included
 * @param classes                distinct categories in this split
 * @param classIndexSize         classes in the class index
 * @param classIndexSource       the split the class index was built from
 * @param perLabelSource         rows per label_source value ({@code ""} for empty), most first
 * @param largestClasses         the classes with most rows, most first
 * @param smallestClasses        the classes with fewest rows, fewest first
 * @param manifestSha256         the split's {@link TestManifest} hash
 * @param manifestIncludesImages whether image bytes are in the manifest hash
 * @param classIndexSha256       the {@link ClassIndex} hash
 * @param skippedRows            rows skipped in lenient mode
 * @param images                 image check totals; null unless images were verified
 * @param problems               every problem, rows ({@code file:line: reason}) then images
 */
public record Inspection(String dataset, String split, int rows, Map<String, Integer> perGeo, int classes,
                         int classIndexSize, String classIndexSource, Map<String, Integer> perLabelSource,
                         List<ClassCount> largestClasses, List<ClassCount> smallestClasses, String manifestSha256,
                         boolean manifestIncludesImages, String classIndexSha256, int skippedRows,
                         DatasetInspector.ImageSummary images, List<String> problems) {

    /**
     * Rows of one class.
     *
     * @param category the category id
     * @param name     the category name
     * @param rows     rows of this category in the split
     */
    public record ClassCount(int category, String name, int rows) {
    }
}
