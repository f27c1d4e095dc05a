package org.glamibench.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.glamibench.dataset.Split;
import org.junit.jupiter.api.Test;

class SampleCatalogTest {

    private final SampleCatalog catalog = SampleCatalog.get();

    private SampleCategory named(String name) {
        return catalog.categories().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void has191CategoriesWithUniqueIdsAndNames() {
        List<SampleCategory> categories = catalog.categories();
        assertThat(categories).hasSize(191);
        assertThat(categories.stream().map(SampleCategory::id).distinct()).hasSize(191);
        assertThat(categories.stream().map(SampleCategory::name).distinct()).hasSize(191);
        assertThat(categories).allSatisfy(c -> assertThat(c.id()).isBetween(1, 99_999));
        assertThat(categories).allSatisfy(c -> assertThat(c.name()).matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void usesTheRealIdsAndNamesThatArePublished() {
        assertThat(named("womens-blouses-and-shirts").id()).isEqualTo(6);
        assertThat(named("womens-tops-tank-tops-and-t-shirts").id()).isEqualTo(53403);
        assertThat(named("womens-sport-jackets").id()).isEqualTo(86531);
        assertThat(catalog.categories().stream().map(SampleCategory::name)).contains(
                "mens-t-shirts-and-tank-tops", "womens-tops-tank-tops-and-t-shirts", "mens-sneakers",
                "womens-sneakers", "dresses", "baby-clothing", "womens-blouses-and-shirts", "womens-pants",
                "bikinis", "womens-flip-flops", "mens-bath-robes", "mens-handkerchiefs", "mens-shoe-laces",
                "mens-umbrellas", "mens-suspenders", "broaches", "mens-chains", "mens-rubber-boots",
                "mens-earrings", "boys-tank-tops", "womens-sport-jackets", "womens-bombers", "kitchen",
                "womens-wallets", "mens-undergarments", "girls-t-shirts-and-shirts", "mens-parkas", "mens-pants");
    }

    @Test
    void weightsArePublishedCountsWithAnExponentialMiddle() {
        assertThat(named("mens-t-shirts-and-tank-tops").trainWeight()).isEqualTo(75724);
        assertThat(named("mens-t-shirts-and-tank-tops").testWeight()).isEqualTo(7497);
        assertThat(named("boys-tank-tops").trainWeight()).isEqualTo(81);
        assertThat(named("boys-tank-tops").testWeight()).isEqualTo(14);
        // The weights add up to the published split sizes, as the real counts do.
        assertThat(java.util.Arrays.stream(catalog.weights(Split.TRAIN)).sum()).isCloseTo(1_000_000, offset(1e-3));
        assertThat(java.util.Arrays.stream(catalog.weights(Split.TEST)).sum()).isCloseTo(116_004, offset(1e-3));
        // Between the published ends, an exponential decay in rank bent by one exponent (0.8215 by
        // an independent Python bisection): rank 11 (index 10) is step 1 of 172 from 23219 to 211.
        double gamma = 0.8215045800089902;
        double expected = 23219 * Math.pow(211.0 / 23219.0, Math.pow(1.0 / 172, gamma));
        assertThat(catalog.categories().get(10).trainWeight()).isCloseTo(expected, offset(0.01));
        double[] train = catalog.weights(Split.TRAIN);
        for (int i = 1; i < train.length; i++) {
            assertThat(train[i]).as("rank %d", i).isLessThanOrEqualTo(train[i - 1]);
        }
    }

    @Test
    void productsHaveDistinctVisualCodesAndAreSharedAcrossAudiences() {
        assertThat(catalog.products()).hasSize(100);
        assertThat(catalog.products().stream().map(p -> p.silhouette() + "/" + p.pattern()).distinct()).hasSize(100);
        assertThat(named("mens-sneakers").product()).isSameAs(named("womens-sneakers").product());
        assertThat(named("mens-sneakers").audience()).isEqualTo(Audience.MENS);
        assertThat(named("womens-sneakers").audience()).isEqualTo(Audience.WOMENS);
        assertThat(named("dresses").audience()).isEqualTo(Audience.NONE);
        assertThat(named("baby-clothing").audience()).isEqualTo(Audience.BABY);
        assertThat(named("womens-sport-jackets").product().words()).containsExactly("sport", "jacket");
        assertThat(named("womens-sport-jackets").product().head()).isEqualTo("jacket");
        Map<String, Long> perProduct = catalog.categories().stream()
                .collect(Collectors.groupingBy(c -> c.product().key(), Collectors.counting()));
        assertThat(perProduct.get("t-shirts")).isEqualTo(4);
    }

    @Test
    void relatedCategoriesShareTheProductOrTheAudienceAndSilhouette() {
        List<SampleCategory> categories = catalog.categories();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i).name(), i);
        }
        List<String> related = java.util.Arrays.stream(catalog.related(index.get("mens-sneakers")))
                .mapToObj(i -> categories.get(i).name()).toList();
        assertThat(related).contains("womens-sneakers", "girls-sneakers", "boys-sneakers", "mens-sport-shoes",
                "mens-loafers", "mens-formal-shoes").doesNotContain("mens-sneakers", "mens-boots");
        for (int i = 0; i < categories.size(); i++) {
            assertThat(catalog.related(i)).as(categories.get(i).name()).isNotEmpty().doesNotContain(i);
        }
    }
}
