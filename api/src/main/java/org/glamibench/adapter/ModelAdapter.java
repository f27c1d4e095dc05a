package org.glamibench.adapter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model the harness can evaluate: the one interface a third party implements. Adapters are
 * found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.glamibench.adapter.ModelAdapter} of your jar, give it a public
 * no-argument constructor, and pass the jar with {@code --adapter-jar}.
 *
 * <p>Lifecycle: the harness calls {@link #descriptor()} (any time, cheap), then
 * {@link #open(AdapterContext)} once, then {@link #prepare(ItemInput)} for each item on worker
 * threads (so it must be thread-safe) and {@link #predict(List)} for each batch on one thread,
 * then {@link #close()} once. An adapter never sees an item's category or item id.
 *
 * <p>Where it runs: an adapter from a jar runs in a child JVM of its own by default (the harness's
 * {@code org.glamibench.registry.Isolation}; {@code --in-process} keeps it in the harness's JVM):
 * the harness decodes the images, sends each batch's inputs to the child, and the child calls
 * {@code prepare} and {@code predict}. There {@code System.out} goes to standard error and
 * {@code System.in} is empty; the process's real standard output carries the protocol and must not
 * be written to. A child that crashes, exits or hangs is replaced by a fresh one, in
 * which {@code open} runs again; scores must therefore depend on the item's input only, never on
 * its position in a batch or on earlier calls ({@code glami-bench validate} checks both).
 *
 * <p>Contract of {@code predict}: exactly one score vector per item of the batch, in batch
 * order, each of length {@code classIndex.size()}, finite; for {@link OutputKind#PROBABILITIES}
 * each in [0, 1] and summing to 1 within 1e-3. The harness checks this at the boundary; a batch
 * that breaks it, or throws, is retried item by item and the failing items are recorded as
 * adapter errors (counted as wrong).
 *
 * <p>A complete adapter that scores the classes by how often the item's text mentions words of
 * each class name (illustration only):
 * <pre>{@code
 * public final class SlugWordsAdapter implements ModelAdapter<String> {
 *     private ClassIndex classes;
 *
 *     public AdapterDescriptor descriptor() {
 *         return AdapterDescriptor.builder().setName("slug-words").setVersion("1.0")
 *                 .setModality(Modality.TEXT).setOutput(OutputKind.LOGITS)
 *                 .optLicense("Apache-2.0").optDescription("counts class-name words in the text").build();
 *     }
 *
 *     public void open(AdapterContext context) {
 *         if (context.device().gpu()) {
 *             throw new IllegalArgumentException("slug-words runs on the CPU only");
 *         }
 *         classes = context.classIndex();
 *     }
 *
 *     public String prepare(ItemInput item) {
 *         return item.text().toLowerCase(Locale.ROOT);
 *     }
 *
 *     public float[][] predict(List<String> texts) {
 *         float[][] scores = new float[texts.size()][classes.size()];
 *         for (int i = 0; i < texts.size(); i++) {
 *             for (int c = 0; c < classes.size(); c++) {
 *                 for (String word : classes.name(c).split("-")) {
 *                     if (texts.get(i).contains(word)) {
 *                         scores[i][c] += 1;
 *                     }
 *                 }
 *             }
 *         }
 *         return scores;
 *     }
 *
 *     public void close() {
 *     }
 * }
 * }</pre>
 *
 * @param <P> what {@link #prepare} makes of an item: its model input (a float array, token ids,
 *            or the {@link ItemInput} itself)
 */
// close() throws Exception, which javac's "try" lint flags because it includes InterruptedException:
// kept, since adapters written against 1.0.0 declare it.
@SuppressWarnings("try")
public interface ModelAdapter<P> extends AutoCloseable {

    /**
     * Who this adapter is; called before {@code open} too, so it must not need it. After a
     * successful {@code open} it describes the opened model, and that is what the run records: an
     * adapter configured by options may learn its modality, output or weights only then (a
     * downloaded model, say). Name and version must stay those of {@link #descriptor(Map)}.
     *
     * @return the descriptor of this adapter, of the opened model once {@code open} succeeded
     */
    AdapterDescriptor descriptor();

    /**
     * Who this adapter is when configured by a run's {@code --adapter-option} pairs, before
     * {@code open}: an adapter that runs whichever model its options name (a model spec, a named
     * baseline) names that model here, so that runs of different models get different names and run
     * folders. Cheap: reads configuration, loads no model. The default ignores the options, which
     * {@link #open} must then check.
     *
     * @param options the run's {@code --adapter-option key=value} pairs; empty when none were
     *                given
     * @return the descriptor for these options; the default returns {@link #descriptor()}
     * @throws IllegalArgumentException when the options are wrong (missing, unknown, malformed),
     *                                  naming the option; the run stops before it starts
     */
    default AdapterDescriptor descriptor(Map<String, String> options) {
        return descriptor();
    }

    /**
     * Loads the model for the given classes and device. Every option key the adapter does not know
     * must be refused, never ignored (a misspelt option would otherwise change nothing, silently),
     * and so must a device it cannot use (never fall back to another one):
     * {@code glami-bench validate} warns about an adapter that accepts a made-up option.
     *
     * @param context the classes, device, cache folder, options, seed, train split and progress
     *                output of this run
     * @throws IllegalArgumentException for an unknown option key (naming it and the known ones), a
     *                                  malformed option value or a device the adapter cannot use:
     *                                  the harness reports bad usage and scores nothing
     * @throws Exception when the model cannot run here otherwise (missing weights, class index
     *                   mismatch): the run stops before any item is scored
     */
    void open(AdapterContext context) throws Exception;

    /**
     * Turns one item into model input. Called on worker threads, concurrently: must be
     * thread-safe. Decoding-heavy work belongs here, so it overlaps the previous batch's predict.
     *
     * @param item what the adapter may see of one item
     * @return the model input of the item, later passed to {@link #predict(List)}
     * @throws Exception for an item that cannot be prepared: recorded as an adapter error
     */
    P prepare(ItemInput item) throws Exception;

    /**
     * Scores a batch: one vector per item, in order, over the class index.
     *
     * @param batch the prepared items, as {@link #prepare(ItemInput)} returned them
     * @return one score vector per item of {@code batch}, in its order, each of length
     *         {@code classIndex.size()}, as the class javadoc's contract of {@code predict} says
     * @throws Exception when the batch fails: retried item by item
     */
    float[][] predict(List<P> batch) throws Exception;

    /**
     * The deep learning engine and device that run the model, for the run's provenance; called
     * after {@code open}. The default says none, for adapters that use no engine.
     *
     * @return the engine and device; empty when the adapter uses no engine
     */
    default Optional<EngineInfo> engine() {
        return Optional.empty();
    }

    /** Releases the model; called once, also after a failed open. */
    @Override
    void close() throws Exception;
}
