package org.glamibench.spark;

import java.io.Serializable;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;

/** A {@link GlamiRow} on its way to an executor (the API's row is not serializable). */
record ItemRow(long itemId, long imageId, Geo geo, String name, String description, int category,
               String categoryName, String labelSource) implements Serializable {

    static ItemRow of(GlamiRow row) {
        return new ItemRow(row.itemId(), row.imageId(), row.geo(), row.name(), row.description(), row.category(),
                row.categoryName(), row.labelSource());
    }

    GlamiRow row() {
        return new GlamiRow(itemId, imageId, geo, name, description, category, categoryName, labelSource);
    }
}
