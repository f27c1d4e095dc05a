package org.glamibench.dataset;

import java.util.Locale;
import java.util.Optional;

/**
 * The 13 GLAMI-1M languages, identified by the two-letter {@code geo} code of the shop country,
 * with the published row count of the test split and the approximate share of the train split.
 */
public enum Geo {
    /** Czechia, {@code cz}: Czech. */
    CZ("cz", "Czechia", 11_755, 12.4),
    /** Slovakia, {@code sk}: Slovak. */
    SK("sk", "Slovakia", 19_252, 18.7),
    /** Romania, {@code ro}: Romanian. */
    RO("ro", "Romania", 2_434, 4.9),
    /** Greece, {@code gr}: Greek. */
    GR("gr", "Greece", 3_533, 5.0),
    /** Slovenia, {@code si}: Slovenian. */
    SI("si", "Slovenia", 6_332, 4.1),
    /** Hungary, {@code hu}: Hungarian. */
    HU("hu", "Hungary", 8_024, 6.6),
    /** Croatia, {@code hr}: Croatian. */
    HR("hr", "Croatia", 8_117, 5.9),
    /** Spain, {@code es}: Spanish. */
    ES("es", "Spain", 3_405, 2.2),
    /** Lithuania, {@code lt}: Lithuanian. */
    LT("lt", "Lithuania", 17_906, 13.8),
    /** Latvia, {@code lv}: Latvian. */
    LV("lv", "Latvia", 4_181, 2.1),
    /** Turkey, {@code tr}: Turkish. */
    TR("tr", "Turkey", 10_792, 11.2),
    /** Estonia, {@code ee}: Estonian. */
    EE("ee", "Estonia", 8_911, 4.5),
    /** Bulgaria, {@code bg}: Bulgarian. */
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

    /** {@return the code as written in the CSV's {@code geo} column, e.g. {@code "cz"}} */
    public String code() {
        return code;
    }

    /** {@return the country's English name, e.g. {@code "Czechia"}} */
    public String country() {
        return country;
    }

    /** {@return the rows of this geo in the published test split (they sum to 116,004)} */
    public int publishedTestRows() {
        return publishedTestRows;
    }

    /** {@return the approximate percentage of the published train split in this geo} */
    public double trainSharePercent() {
        return trainSharePercent;
    }

    /**
     * The geo for a CSV code; matching is exact (lower case, as published).
     *
     * @param code a {@code geo} cell, e.g. {@code "cz"}
     * @return the geo of that code; empty when the code is not one of the 13 GLAMI-1M codes
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
     * @param chars  a buffer holding the characters
     * @param offset where they start in {@code chars}
     * @param length how many there are; only 2 can match
     * @return the geo of that code, or null when they are not one of the 13 codes
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
