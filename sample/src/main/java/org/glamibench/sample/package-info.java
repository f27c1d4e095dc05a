/**
 * A generator of synthetic data in the exact GLAMI-1M layout, so that the whole harness can be
 * built, tested and demonstrated without the real 11 GB dataset: {@link
 * org.glamibench.sample.SampleGenerator} (and the {@code glami-bench sample} command) writes
 * {@code GLAMI-1M-dataset/} with {@code GLAMI-1M-train.csv}, {@code GLAMI-1M-test.csv}, {@code
 * images/<image_id>.jpg} (228x298 RGB JPEG) and a README.txt saying that the data is synthetic.
 *
 * <h2>The generative process</h2>
 * <ol>
 *   <li><b>Categories.</b> 191 categories ({@link org.glamibench.sample.SampleCatalog}): every real
 *       name that has been published, with its real id where known (6, 53403, 86531), and plausible
 *       fashion slugs for the rest. Each slug is an audience ({@code mens-}, {@code womens-}, {@code
 *       boys-}, {@code girls-}, {@code baby-} or none) and a product ({@code sneakers}); 100 products
 *       in all. Relative frequencies: the published counts of the 10 largest and 10 smallest,
 *       exponential decay in between.</li>
 *   <li><b>Exact counts.</b> Per split, rows per category (after a minimum of 5 train / 2 test rows
 *       each, lowered to {@code rows / 191} when the split is smaller than that), per geo (the
 *       published test rows for test, train shares for train, 1 row minimum) and per label source
 *       (published shares) are apportioned by largest remainder; geos and label sources are then
 *       dealt to rows in a seeded random order, independent of the category.</li>
 *   <li><b>Label noise.</b> In train, 25% of the rule-based rows (label source empty or
 *       combined-tag) show a related category (same product for another audience, or same audience
 *       and silhouette) while keeping their label. Test labels are clean.</li>
 *   <li><b>Products and photos.</b> Rows of one label are grouped into products; 12% of products
 *       are listed in 2 geos and 4% in 3 (distinct geos, same category, one shared image id), as
 *       when a shop re-lists a product in another country. Image ids are disjoint between splits;
 *       item ids are unique over both splits; rows are written in a shuffled order.</li>
 *   <li><b>Images</b> ({@code ProductPainter}) show the product only: its
 *       silhouette (16) in its fill pattern (8), in a random colour on a light background with
 *       random offset, scale and tilt. {@code mens-sneakers} and {@code womens-sneakers} look alike.
 *       10% are hard: low contrast, or half hidden.</li>
 *   <li><b>Texts</b> ({@code SampleTexts}) are synthetic pseudo-words in each
 *       language's alphabet ({@code SampleLexicon}), with a few real words
 *       (brands, sizes, English loanwords such as {@code T-shirt}, {@code Men's}, material phrases
 *       like {@code Material: 95% cotton, 5% elastane}). The audience word is there 80% of the
 *       time and the product words 75% (only the head noun, {@code jacket} for {@code sport
 *       jacket}, in 30% of those); 10% of texts have neither. 35% of descriptions are empty; the
 *       others may contain commas, double quotes and line breaks.</li>
 * </ol>
 * So text alone confuses products (and sport jackets with jackets), the image alone confuses
 * audiences, and the two together resolve most of both: on the default sample (20,000 train, 5,000
 * test rows, seed 1) quick scikit-learn models reach about 46% top-1 from text, 55% from image and
 * 68% from both, against a 6% majority-class prior (see {@code docs/sample-data.md}).
 *
 * <h2>Reproducibility</h2>
 * Every row's text and every product's image has its own random generator derived from (seed,
 * split, index) ({@code Seeds}), so the output is byte-identical for the same
 * seed and sizes, whatever the number of threads. The lexicon and the catalog do not depend on the
 * seed. {@link org.glamibench.sample.SampleGenerator#GENERATOR_VERSION} changes whenever the output
 * for a given seed does.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.files, org.glamibench.stats.
 */
package org.glamibench.sample;
