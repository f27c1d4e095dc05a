package org.glamibench.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.glamibench.dataset.Geo;

/**
 * Writes the {@code name} and {@code description} of one listing of the sample.
 *
 * <p>The text tells the category only partly: the audience word (for {@code mens-}, {@code womens-}
 * ... categories) is present with probability {@value #P_AUDIENCE}, the product's words with
 * probability {@value #P_PRODUCT}, and a compound product ({@code sport jacket}) then shows only its
 * head noun ({@code jacket}) with probability {@value #P_HEAD_ONLY}. In {@value #P_HARD} of the
 * listings neither is present (a "hard" text). Everything else is uninformative: a brand, colours,
 * filler words, a model name or number, a size (whose kind, shoe/clothing/one-size, hints at the
 * product family), and in the description a material phrase such as
 * {@code Material: 95% cotton, 5% elastane}. About {@value #P_EMPTY_DESCRIPTION} of the
 * descriptions are empty; the others may contain commas, double quotes and line breaks (never a
 * carriage return).
 */
final class SampleTexts {

    static final double P_AUDIENCE = 0.8;
    static final double P_PRODUCT = 0.75;
    static final double P_HEAD_ONLY = 0.3;
    static final double P_HARD = 0.1;
    /** Chance that a word carries one of its language's endings (a plural or case form). */
    static final double P_INFLECTED = 0.2;
    static final double P_EMPTY_DESCRIPTION = 0.35;
    /** Chance that an audience or product word is written in its international (English) form. */
    static final double P_INTERNATIONAL = 0.6;

    /** Brands: three seen in the published examples, the rest made up. Not tied to categories. */
    private static final String[] BRANDS = {"Big Star", "Kilpi", "ONLY", "Nordvik", "Velora", "Castell",
        "Marlow & Co", "Brisa", "Aurel", "Kaito", "Solenne", "Trekka", "Urbano", "Feliz", "Monteverde",
        "Zefir", "Lumo", "Arktis", "Fjell", "Papaya", "Mini Mundo", "Oak & Ivy", "Vento", "Rivage",
        "Tessa B.", "Kora", "Halden", "Sirocco", "Bellatrix", "Pampa"};
    private static final String[] MATERIALS = {"cotton", "elastane", "polyester", "viscose", "wool",
        "linen", "polyamide", "leather", "acrylic", "silk"};
    private static final String[] CLOTHING_SIZES = {"XS", "S", "M", "L", "XL", "XXL", "S/M", "L/XL"};
    private static final String[] BABY_SIZES = {"56", "62/68", "74/80", "86/92", "98"};
    private static final String[] ONE_SIZES = {"UNI", "One size", "OS"};

    /** The two text columns of a listing. */
    record Text(String name, String description) {
    }

    private SampleTexts() {
    }

    /** The text of a listing of {@code category} in {@code geo}, drawn from {@code random}. */
    static Text generate(Geo geo, SampleCategory category, SplittableRandom random) {
        boolean hard = random.nextDouble() < P_HARD;
        boolean audienceShown = !hard && category.audience() != Audience.NONE && random.nextDouble() < P_AUDIENCE;
        boolean productShown = !hard && random.nextDouble() < P_PRODUCT;
        boolean headOnly = random.nextDouble() < P_HEAD_ONLY;
        boolean sizeShown = !hard && random.nextDouble() < 0.25;
        boolean descriptionShown = random.nextDouble() >= P_EMPTY_DESCRIPTION;

        List<String> productWords = new ArrayList<>();
        if (productShown) {
            List<String> glosses = category.product().words();
            boolean international = random.nextDouble() < P_INTERNATIONAL;
            for (String gloss : headOnly ? glosses.subList(glosses.size() - 1, glosses.size()) : glosses) {
                productWords.add(international ? SampleLexicon.international(gloss) : word(geo, gloss, random));
            }
        }
        String audienceWord = null;
        if (audienceShown) {
            String gloss = SampleLexicon.AUDIENCE_GLOSSES.get(category.audience());
            audienceWord = random.nextDouble() < P_INTERNATIONAL ? SampleLexicon.international(gloss) : word(geo, gloss, random);
        }
        boolean audienceInDescription = audienceShown && descriptionShown && random.nextDouble() < 0.25;
        String size = sizeShown ? size(category, random) : null;
        boolean sizeInName = size != null && random.nextDouble() < 0.5;

        List<String> name = new ArrayList<>();
        List<String> core = new ArrayList<>(productWords);
        if (audienceWord != null && !audienceInDescription) {
            core.add(random.nextDouble() < 0.75 ? 0 : core.size(), audienceWord);
        }
        name.addAll(core);
        if (random.nextDouble() < 0.5) {
            String colour = word(geo, pick(SampleLexicon.COLOURS, random), random);
            name.add(random.nextDouble() < 0.3 && !name.isEmpty() ? ", " + colour : colour);
        }
        if (random.nextDouble() < 0.35) {
            String model = modelCode(geo, random);
            name.add(random.nextDouble() < 0.25 ? '"' + model + '"' : model);
        }
        if (sizeInName) {
            name.add(size);
        }
        while (name.size() < 2) {
            name.add(random.nextInt(name.size() + 1), word(geo, pick(SampleLexicon.FILLER, random), random));
        }
        if (random.nextDouble() < 0.75) {
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            name.add(random.nextDouble() < 0.85 ? 0 : name.size(), brand);
        }
        String nameText = SampleLexicon.capitalise(geo, String.join(" ", name).replace(" , ", ", "));

        if (!descriptionShown) {
            return new Text(nameText, "");
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(fillerSentence(geo, random, null));
        if (!productWords.isEmpty() && random.nextDouble() < 0.35) {
            sentences.add(fillerSentence(geo, random, String.join(" ", productWords)));
        }
        if (audienceInDescription) {
            sentences.add(fillerSentence(geo, random, audienceWord));
        }
        if (random.nextDouble() < 0.45) {
            sentences.add(materialPhrase(geo, random));
        }
        if (random.nextDouble() < 0.2) {
            sentences.add(SampleLexicon.capitalise(geo, SampleLexicon.word(geo, "model"))
                    + " \"" + modelCode(geo, random) + "\".");
        }
        if (size != null && !sizeInName) {
            sentences.add(SampleLexicon.capitalise(geo, SampleLexicon.word(geo, "size")) + ": " + size + ".");
        }
        for (int i = sentences.size() - 1; i > 1; i--) {
            int j = 1 + random.nextInt(i);
            sentences.set(i, sentences.set(j, sentences.get(i)));
        }
        String separator = random.nextDouble() < 0.3 ? "\n" : " ";
        return new Text(nameText, String.join(separator, sentences));
    }

    private static String word(Geo geo, String gloss, SplittableRandom random) {
        return random.nextDouble() < P_INFLECTED ? SampleLexicon.inflected(geo, gloss, random) : SampleLexicon.word(geo, gloss);
    }

    /** 3 to 8 filler words, with {@code inner} (when not null) somewhere inside, as a sentence. */
    private static String fillerSentence(Geo geo, SplittableRandom random, String inner) {
        List<String> words = new ArrayList<>();
        int count = 3 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            words.add(word(geo, pick(SampleLexicon.FILLER, random), random));
        }
        if (random.nextDouble() < 0.3) {
            words.add(random.nextInt(words.size()) + 1, word(geo, pick(SampleLexicon.COLOURS, random), random));
        }
        if (inner != null) {
            words.add(random.nextInt(words.size() + 1), inner);
        }
        if (random.nextDouble() < 0.25) {
            int at = 1 + random.nextInt(words.size() - 1);
            words.set(at - 1, words.get(at - 1) + ",");
        }
        return SampleLexicon.capitalise(geo, String.join(" ", words)) + (random.nextDouble() < 0.1 ? "!" : ".");
    }

    /** {@code Material: 95% cotton, 5% elastane.} in one of a few spellings. */
    private static String materialPhrase(Geo geo, SplittableRandom random) {
        String first = MATERIALS[random.nextInt(MATERIALS.length)];
        String second = MATERIALS[random.nextInt(MATERIALS.length)];
        int percent = random.nextDouble() < 0.35 || first.equals(second) ? 100 : 50 + 5 * random.nextInt(10);
        String label = random.nextDouble() < 0.6 ? "Material"
                : SampleLexicon.capitalise(geo, SampleLexicon.word(geo, "material"));
        if (random.nextDouble() < 0.2) {
            String compact = percent + "%" + first.toUpperCase(java.util.Locale.ROOT)
                    + (percent < 100 ? (100 - percent) + "%" + second.toUpperCase(java.util.Locale.ROOT) : "");
            return label + ": " + compact;
        }
        return label + ": " + percent + "% " + first + (percent < 100 ? ", " + (100 - percent) + "% " + second : "") + ".";
    }

    /** A model number such as {@code 150048} or a model name such as {@code Rosa-W}. */
    private static String modelCode(Geo geo, SplittableRandom random) {
        if (random.nextBoolean()) {
            return Integer.toString(100_000 + random.nextInt(900_000));
        }
        return SampleLexicon.modelName(geo, random) + "-" + "WMKX".charAt(random.nextInt(4));
    }

    /** A size token whose kind depends on the product family. */
    private static String size(SampleCategory category, SplittableRandom random) {
        if (category.audience() == Audience.BABY) {
            return BABY_SIZES[random.nextInt(BABY_SIZES.length)];
        }
        return switch (category.product().silhouette()) {
            case SNEAKER, BOOT, SANDAL -> "EU " + (category.audience() == Audience.BOYS
                    || category.audience() == Audience.GIRLS ? 28 + random.nextInt(10) : 36 + random.nextInt(11));
            case BAG, HAT, RING, UMBRELLA, GLASSES, STRAP -> ONE_SIZES[random.nextInt(ONE_SIZES.length)];
            default -> CLOTHING_SIZES[random.nextInt(CLOTHING_SIZES.length)];
        };
    }

    private static String pick(List<String> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }
}
