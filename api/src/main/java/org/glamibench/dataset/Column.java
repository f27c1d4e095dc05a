package org.glamibench.dataset;

/** The role of a CSV column, found by its header name; unknown columns are ignored. */
enum Column {
    ITEM_ID, IMAGE_ID, GEO, NAME, DESCRIPTION, CATEGORY, CATEGORY_NAME, LABEL_SOURCE, IGNORED;

    /** The role of a header name; {@link #IGNORED} for any column the harness does not read. */
    static Column of(String header) {
        return switch (header) {
            case "item_id" -> ITEM_ID;
            case "image_id" -> IMAGE_ID;
            case "geo" -> GEO;
            case "name" -> NAME;
            case "description" -> DESCRIPTION;
            case "category" -> CATEGORY;
            case "category_name" -> CATEGORY_NAME;
            case "label_source" -> LABEL_SOURCE;
            default -> IGNORED;
        };
    }
}
