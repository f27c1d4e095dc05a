package org.glamibench.sample;

import java.util.Objects;

/**
 * One of the sample's 191 categories.
 *
 * @param id          the {@code category} column value
 * @param name        the {@code category_name} column value, a slug such as {@code mens-sneakers}
 * @param audience    who it is for, from the slug's prefix
 * @param product     what it is; shared with the other audiences of the same product
 * @param trainWeight relative frequency in the train split
 * @param testWeight  relative frequency in the test split
 */
public record SampleCategory(int id, String name, Audience audience, SampleProduct product,
                             double trainWeight, double testWeight) {

    public SampleCategory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(product, "product");
        if (!(trainWeight > 0) || !(testWeight > 0)) {
            throw new IllegalArgumentException("category " + name + " needs positive weights");
        }
    }
}
