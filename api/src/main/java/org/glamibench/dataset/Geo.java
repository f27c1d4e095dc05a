package org.glamibench.dataset;

import java.util.Locale;
import java.util.Optional;

/**
 * The 13 GLAMI-1M languages, identified by the two-letter {@code geo} code of the shop country,
 * with the published row count of the test split and the approximate share of the train split.
 */
public enum Geo {
    CZ("cz", "Czechia", 11_755, 12.4),
    SK("sk", "Slovakia", 19_252, 18.7),
    RO("ro", "Romania", 2_434, 4.9),
    GR("gr", "Greece", 3_533, 5.0),
    SI("si", "Slovenia", 6_332, 4.1),
    HU("hu", "Hungary", 8_024, 6.6),
    HR("hr", "Croatia", 8_117, 5.9),
    ES("es", "Spain", 3_405, 2.2),
    LT("lt", "Lithuania", 17_906, 13.8),
    LV("lv", "Latvia", 4_181, 2.1),
    TR("tr", "Turkey", 10_792, 11.2),
    EE("ee", "Estonia", 8_911, 4.5),
    BG("bg", "Bulgaria", 11_362, 8.2);

    private static final Geo[] VALUES = values();

    private final String code;
    private final String country;
    private final int publishedTestRows;
    private final double trainSharePercent;

    Geo(String code, String country, int publishedTestRows, double trainSharePercent) {
        this.code = code;
        this.country = country;
        this.publishedTestRows = publishedTestRows;
        this.trainSharePercent = trainSharePercent;
    }

    /** The code as written in the CSV's {@code geo} column, e.g. {@code "cz"}. */
    public String code() {
        return code;
    }

    /** The country's English name, e.g. {@code "Czechia"}. */
    public String country() {
        return country;
    }

    /** Rows of this geo in the published test split (they sum to 116,004). */
    public int publishedTestRows() {
        return publishedTestRows;
    }

    /** Approximate percentage of the published train split in this geo. */
    public double trainSharePercent() {
        return trainSharePercent;
    }

    /**
     * The geo for a CSV code; matching is exact (lower case, as published).
     *
     * @return empty when the code is not one of the 13 GLAMI-1M codes
     */
    public static Optional<Geo> fromCode(String code) {
        for (Geo geo : values()) {
            if (geo.code.equals(code)) {
                return Optional.of(geo);
            }
        }
        return Optional.empty();
    }

    /**
     * The geo whose code is the given characters, without making a String.
     *
     * @return null when they are not one of the 13 codes
     */
    public static Geo fromChars(char[] chars, int offset, int length) {
        if (length != 2) {
            return null;
        }
        for (Geo geo : VALUES) {
            if (geo.code.charAt(0) == chars[offset] && geo.code.charAt(1) == chars[offset + 1]) {
                return geo;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return code.toUpperCase(Locale.ROOT);
    }
}
