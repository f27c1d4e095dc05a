package org.glamibench.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.glamibench.dataset.Geo;
import org.junit.jupiter.api.Test;

class SampleTextsTest {

    private static final SampleCategory MENS_SNEAKERS = SampleCatalog.get().categories().stream()
            .filter(c -> c.name().equals("mens-sneakers")).findFirst().orElseThrow();

    private static List<SampleTexts.Text> texts(Geo geo, SampleCategory category, int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<SampleTexts.Text> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(SampleTexts.generate(geo, category, random.split()));
        }
        return texts;
    }

    @Test
    void everyLanguageUsesItsOwnLetters() {
        Map<Geo, String> letters = Map.ofEntries(
                Map.entry(Geo.CZ, "čřšžůě"), Map.entry(Geo.SK, "äľňôŕť"), Map.entry(Geo.RO, "ăâîșț"),
                Map.entry(Geo.SI, "čšž"), Map.entry(Geo.HU, "őűöüá"), Map.entry(Geo.HR, "ćčđšž"),
                Map.entry(Geo.ES, "ñáé"), Map.entry(Geo.LT, "ąčęėįšųūž"), Map.entry(Geo.LV, "āēģīķļņū"),
                Map.entry(Geo.TR, "çğıİöşü"), Map.entry(Geo.EE, "äöõü"), Map.entry(Geo.GR, "αβγδεςάέ"),
                Map.entry(Geo.BG, "абвгдъюя"));
        for (Geo geo : Geo.values()) {
            StringBuilder all = new StringBuilder();
            for (SampleCategory category : SampleCatalog.get().categories()) {
                texts(geo, category, 5).forEach(t -> all.append(t.name()).append(' ').append(t.description()).append(' '));
            }
            String text = all.toString();
            assertThat(letters.get(geo).codePoints().mapToObj(Character::toString))
                    .as(geo.code()).allSatisfy(letter -> assertThat(text).contains(letter));
            if (geo != Geo.GR) {
                assertThat(text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK)).isTrue();
            }
            if (geo != Geo.BG) {
                assertThat(text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)).isTrue();
            }
        }
    }

    @Test
    void audienceAndProductWordsAppearWithTheDesignedProbabilities() {
        // Compared in lower case: a word that starts the name is capitalised.
        String ownAudience = SampleLexicon.word(Geo.CZ, "men").toLowerCase(Locale.ROOT);
        String ownProduct = SampleLexicon.word(Geo.CZ, "sneakers").toLowerCase(Locale.ROOT);
        List<SampleTexts.Text> texts = texts(Geo.CZ, MENS_SNEAKERS, 4000);
        double audience = texts.stream().map(SampleTextsTest::both)
                .filter(t -> t.contains(ownAudience) || t.contains("men's")).count() / 4000.0;
        double product = texts.stream().map(SampleTextsTest::both)
                .filter(t -> t.contains(ownProduct) || t.contains("sneakers")).count() / 4000.0;
        double emptyDescription = texts.stream().filter(t -> t.description().isEmpty()).count() / 4000.0;
        assertThat(audience).isCloseTo((1 - SampleTexts.P_HARD) * SampleTexts.P_AUDIENCE, offset(0.03));
        assertThat(product).isCloseTo((1 - SampleTexts.P_HARD) * SampleTexts.P_PRODUCT, offset(0.03));
        assertThat(emptyDescription).isCloseTo(SampleTexts.P_EMPTY_DESCRIPTION, offset(0.03));
    }

    @Test
    void textsAreCleanCsvCellsWithSomeThatNeedQuoting() {
        List<SampleTexts.Text> texts = new ArrayList<>();
        for (Geo geo : Geo.values()) {
            texts.addAll(texts(geo, MENS_SNEAKERS, 200));
        }
        assertThat(texts).allSatisfy(t -> {
            assertThat(t.name()).isNotBlank().isEqualTo(t.name().strip()).doesNotContain("\n", "\r");
            assertThat(t.description()).isEqualTo(t.description().strip()).doesNotContain("\r");
        });
        assertThat(texts).anyMatch(t -> t.name().contains(","))
                .anyMatch(t -> t.name().contains("\""))
                .anyMatch(t -> t.description().contains("\n"))
                .anyMatch(t -> t.description().contains("\""))
                .anyMatch(t -> t.description().contains("Material: "));
    }

    @Test
    void lexiconIsFixedAndTurkishCapitalIsDotted() {
        assertThat(SampleLexicon.word(Geo.SK, "jacket")).isEqualTo(SampleLexicon.word(Geo.SK, "jacket"));
        assertThat(SampleLexicon.word(Geo.SK, "jacket")).isNotEqualTo(SampleLexicon.word(Geo.CZ, "jacket"));
        assertThat(SampleLexicon.capitalise(Geo.TR, "ipek")).isEqualTo("İpek");
        assertThat(SampleLexicon.capitalise(Geo.CZ, "ipek")).isEqualTo("Ipek");
        assertThat(SampleLexicon.international("tshirt")).isEqualTo("T-shirt");
    }

    private static String both(SampleTexts.Text text) {
        return (text.name() + " " + text.description()).toLowerCase(Locale.ROOT);
    }
}
