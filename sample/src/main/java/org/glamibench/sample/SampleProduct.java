package org.glamibench.sample;

import java.util.List;
import java.util.Objects;

/**
 * A kind of product shared by the categories that differ only in audience ({@code mens-sneakers}
 * and {@code womens-sneakers} are both {@code sneakers}). It fixes what the sample's image shows
 * (its visual code: silhouette and fill pattern) and which words the sample's text may use for it.
 *
 * @param key        the product, e.g. {@code sport-jackets}
 * @param silhouette the outline drawn in the image
 * @param pattern    how the outline is filled
 * @param words      English glosses of the product's words, head noun last (e.g. {@code sport},
 *                   {@code jacket}); each language writes them as its own pseudo-words
 */
public record SampleProduct(String key, Silhouette silhouette, FillPattern pattern, List<String> words) {

    public SampleProduct {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(silhouette, "silhouette");
        Objects.requireNonNull(pattern, "pattern");
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("product " + key + " has no words");
        }
    }

    /** The head noun's gloss, e.g. {@code jacket} for {@code sport-jackets}. */
    public String head() {
        return words.get(words.size() - 1);
    }
}
