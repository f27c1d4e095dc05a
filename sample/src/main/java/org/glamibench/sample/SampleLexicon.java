package org.glamibench.sample;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.glamibench.dataset.Geo;

/**
 * The sample's pseudo-languages: for each of the 13 geos, a fixed made-up word for every English
 * gloss the sample's texts use (audiences, product words, colours and filler). Words are built from
 * syllables of the language's own alphabet (Greek for {@code gr}, Cyrillic for {@code bg}, Latin
 * with the language's diacritics elsewhere), so they look like the language at a glance but are
 * not real words. The lexicon does not depend on the sample's seed: the same gloss is the same
 * word in every sample.
 */
final class SampleLexicon {

    /** Glosses of the audience words. */
    static final Map<Audience, String> AUDIENCE_GLOSSES = Map.of(
            Audience.MENS, "men", Audience.WOMENS, "women", Audience.BOYS, "boys",
            Audience.GIRLS, "girls", Audience.BABY, "baby");
    /** Glosses of colour words. */
    static final List<String> COLOURS = List.of("black", "white", "red", "blue", "green", "grey",
            "beige", "pink", "navy", "brown", "yellow", "khaki", "purple", "olive", "cream");
    /** Glosses of words that say nothing about the category. */
    static final List<String> FILLER = List.of("new", "quality", "comfortable", "elegant", "classic",
            "modern", "soft", "light", "perfect", "gift", "everyday", "style", "collection", "season",
            "fabric", "fit", "slim", "original", "delivery", "label", "with", "for", "and", "high",
            "premium", "look", "casual", "warm", "breathable", "durable", "pocket", "zipper", "button",
            "print", "pattern", "cut", "wash", "care", "hand", "machine", "size", "model", "product",
            "shop", "price", "offer", "stock", "detail", "lining", "front", "back", "wear", "day",
            "night", "city", "trend", "fashion", "line", "edition", "material");

    private static final Map<String, String> INTERNATIONAL = Map.of("men", "Men's", "women", "Women's",
            "boys", "Boys'", "girls", "Girls'", "baby", "Baby", "tshirt", "T-shirt", "flipflops", "flip-flops");
    private static final Map<Geo, Profile> PROFILES = profiles();
    private static final Map<Geo, Map<String, String>> WORDS = buildWords();

    private SampleLexicon() {
    }

    /**
     * The word of a gloss in a language.
     *
     * @throws IllegalArgumentException for a gloss the sample does not use
     */
    static String word(Geo geo, String gloss) {
        String word = WORDS.get(geo).get(gloss);
        if (word == null) {
            throw new IllegalArgumentException("no word for gloss " + gloss);
        }
        return word;
    }

    /**
     * The international form of a gloss, the same in every language, as shops write English
     * loanwords: {@code T-shirt}, {@code sneakers}, {@code Men's}.
     */
    static String international(String gloss) {
        return INTERNATIONAL.getOrDefault(gloss, gloss);
    }

    /** The word with one of the language's endings appended, e.g. a plural or a case form. */
    static String inflected(Geo geo, String gloss, SplittableRandom random) {
        String[] endings = PROFILES.get(geo).endings;
        return finalForm(geo, word(geo, gloss) + endings[random.nextInt(endings.length)]);
    }

    /** A made-up model name in the language's letters, e.g. {@code Rosa}. */
    static String modelName(Geo geo, SplittableRandom random) {
        return capitalise(geo, makeWord(PROFILES.get(geo), random, 2));
    }

    /** Upper-cases the first letter with the language's rules (Turkish {@code i} becomes {@code İ}). */
    static String capitalise(Geo geo, String word) {
        if (word.isEmpty()) {
            return word;
        }
        int first = word.offsetByCodePoints(0, 1);
        return word.substring(0, first).toUpperCase(PROFILES.get(geo).locale) + word.substring(first);
    }

    private static Map<Geo, Map<String, String>> buildWords() {
        Set<String> glosses = new TreeSet<>();
        glosses.addAll(AUDIENCE_GLOSSES.values());
        glosses.addAll(COLOURS);
        glosses.addAll(FILLER);
        SampleCatalog.get().products().forEach(p -> glosses.addAll(p.words()));
        Map<Geo, Map<String, String>> words = new EnumMap<>(Geo.class);
        for (Geo geo : Geo.values()) {
            Profile profile = PROFILES.get(geo);
            Map<String, String> map = new HashMap<>();
            Set<String> taken = new HashSet<>();
            for (String gloss : glosses) {
                SplittableRandom random = Seeds.random(Seeds.hash(geo.code() + ":" + gloss), Seeds.LEXICON);
                int syllables = FILLER.contains(gloss) && gloss.length() <= 4 ? 1 + random.nextInt(2) : 2 + random.nextInt(2);
                String word;
                do {
                    word = finalForm(geo, makeWord(profile, random, syllables));
                } while (word.length() < 3 || !taken.add(word));
                map.put(gloss, word);
            }
            words.put(geo, Map.copyOf(map));
        }
        return words;
    }

    private static String makeWord(Profile profile, SplittableRandom random, int syllables) {
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            boolean initial = s == 0;
            if (!(initial && random.nextDouble() < profile.vowelInitial)) {
                String[] onsets = initial ? profile.initialOnsets : profile.onsets;
                word.append(onsets[random.nextInt(onsets.length)]);
            }
            word.append(profile.vowels[random.nextInt(profile.vowels.length)]);
            if (random.nextDouble() < 0.3) {
                word.append(profile.codas[random.nextInt(profile.codas.length)]);
            }
        }
        return word.toString();
    }

    /** Greek writes a word-final sigma as ς. */
    private static String finalForm(Geo geo, String word) {
        if (geo == Geo.GR && word.endsWith("σ")) {
            return word.substring(0, word.length() - 1) + "ς";
        }
        return word;
    }

    /** Letters and syllable parts of one pseudo-language. */
    private record Profile(Locale locale, String[] initialOnsets, String[] onsets, String[] vowels,
                           String[] codas, String[] endings, double vowelInitial) {
    }

    private static Profile profile(String language, String onsets, String extraMedialOnsets, String vowels,
                                   String codas, String endings, double vowelInitial) {
        String[] initial = onsets.split(" ");
        String[] medial = extraMedialOnsets.isEmpty() ? initial
                : (onsets + " " + extraMedialOnsets).split(" ");
        return new Profile(Locale.forLanguageTag(language), initial, medial, vowels.split(" "),
                codas.split(" "), endings.split(" "), vowelInitial);
    }

    private static Map<Geo, Profile> profiles() {
        Map<Geo, Profile> map = new EnumMap<>(Geo.class);
        map.put(Geo.CZ, profile("cs", "b c č d h ch j k l m n p r ř s š t v z ž st pr kr sl", "",
                "a e i o u y á é í ú ů ě ý", "n k l s t ch c š", "é á ý ou ě", 0.1));
        map.put(Geo.SK, profile("sk", "b c č d ď h k l ľ m n ň p r ŕ s š t ť v z ž st", "",
                "a ä e i o ô u y á é í ó ú ý", "n k l s ť ň c", "é á y ou ô", 0.1));
        map.put(Geo.RO, profile("ro", "b c d f g l m n p r s ș t ț v z", "",
                "a ă â e i î o u", "n r t ș c", "e i ă ul ii", 0.15));
        map.put(Geo.GR, profile("el", "β γ δ ζ θ κ λ μ ν ξ π ρ σ τ φ χ", "",
                "α ε η ι ο υ ω ά έ ή ί ό ύ ώ", "ν σ ρ", "ες α οι ός", 0.15));
        map.put(Geo.SI, profile("sl", "b c č d g k l m n p r s š t v z ž", "",
                "a e i o u", "n k l s j č", "e a i ih", 0.1));
        map.put(Geo.HU, profile("hu", "b cs d f g gy h k l m n ny p r s sz t v z zs", "",
                "a á e é i í o ó ö ő u ú ü ű", "k l n s t z", "k ok ek ős ű", 0.2));
        map.put(Geo.HR, profile("hr", "b c č ć d đ g k l m n p r s š t v z ž", "",
                "a e i o u", "n k l c ć", "e a i ih", 0.1));
        map.put(Geo.ES, profile("es", "b c d f g l m n ñ p r s t v ch", "",
                "a e i o u á é í ó ú", "n s r l", "s es a o", 0.15));
        map.put(Geo.LT, profile("lt", "b č d g k l m n p r s š t v ž", "",
                "a ą e ę ė i į y o u ų ū", "s š n r", "as is ės ų ai", 0.1));
        map.put(Geo.LV, profile("lv", "b c č d g ģ k ķ l ļ m n ņ p r s š t v z ž", "",
                "a ā e ē i ī o u ū", "s š n", "s as ie ās", 0.1));
        map.put(Geo.TR, profile("tr", "b c ç d g h k l m n p r s ş t y z", "ğ",
                "a e ı i o ö u ü", "k l n r ş z", "ler lar si ı", 0.3));
        map.put(Geo.EE, profile("et", "h j k l m n p r s t v", "",
                "a e i o u ä ö õ ü aa ee", "s d t k l n", "d te id ga", 0.15));
        map.put(Geo.BG, profile("bg", "б в г д ж з к л м н п р с т ф х ц ч ш щ", "",
                "а е и о у ъ ю я", "н к т с", "и та ите ки", 0.1));
        return map;
    }
}
