package org.glamibench.sample;

/**
 * Who a category is for, read from the prefix of its slug: {@code mens-sneakers} is for
 * {@link #MENS}, {@code dresses} has no prefix and is {@link #NONE}. In the sample the audience is
 * told only by the text, never by the image.
 */
public enum Audience {
    MENS("mens"),
    WOMENS("womens"),
    BOYS("boys"),
    GIRLS("girls"),
    BABY("baby"),
    NONE("");

    private final String prefix;

    Audience(String prefix) {
        this.prefix = prefix;
    }

    /** The slug prefix without its hyphen, e.g. {@code "mens"}; empty for {@link #NONE}. */
    public String prefix() {
        return prefix;
    }

    /** The audience of a category slug; {@link #NONE} when the slug has none of the prefixes. */
    public static Audience ofSlug(String slug) {
        for (Audience audience : values()) {
            if (audience != NONE && slug.startsWith(audience.prefix + "-")) {
                return audience;
            }
        }
        return NONE;
    }
}
