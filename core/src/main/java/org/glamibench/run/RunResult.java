package org.glamibench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The {@code run.json} of an evaluation run: what ran, on which data, how, where, how fast, and
 * the metrics computed from the stored predictions. Written with snake_case keys by
 * {@link org.glamibench.files.JsonFiles}; its JSON Schema is {@code run.schema.json} beside this class.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param runId         the run folder's name
 * @param created       when the run finished, ISO-8601 UTC
 * @param adapter       the model adapter
 * @param dataset       the data scored
 * @param settings      the run's settings
 * @param provenance    the harness, JVM, machine and engine
 * @param timing        where the time went
 * @param metrics       the metric pack (see {@code MetricsJson})
 * @param errors        failed items
 * @param execution     where the items were scored when not in the harness's JVM alone (Spark);
 *                      null, and absent from the JSON, for a local run
 */
public record RunResult(int schemaVersion, String runId, String created, Adapter adapter, Dataset dataset,
                        Settings settings, Provenance provenance, Timing timing, Map<String, Object> metrics,
                        Errors errors, @JsonInclude(JsonInclude.Include.NON_NULL) Execution execution) {

    /** A local run's result: no {@link Execution}. */
    public RunResult(int schemaVersion, String runId, String created, Adapter adapter, Dataset dataset,
                     Settings settings, Provenance provenance, Timing timing, Map<String, Object> metrics,
                     Errors errors) {
        this(schemaVersion, runId, created, adapter, dataset, settings, provenance, timing, metrics, errors, null);
    }

    /** The version of the run.json layout written by this harness. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The adapter as described by itself, and where it came from.
     *
     * @param name           unique adapter name
     * @param version        adapter version
     * @param modality       IMAGE, TEXT, IMAGE_TEXT or NONE
     * @param output         PROBABILITIES or LOGITS
     * @param parameterCount model parameters; null when unknown
     * @param license        licence; null when not stated
     * @param weightsSha256  weights SHA-256; null when none
     * @param description    one line; null when not given
     * @param jar            the adapter jar's file name; null for a built-in
     * @param jarSha256      the adapter jar's SHA-256; null for a built-in
     * @param configuration  what a built-in adapter chose from its options and defaults, which the
     *                       options alone do not show (e.g. {@code embracement}); null when none
     */
    public record Adapter(String name, String version, String modality, String output, Long parameterCount,
                          String license, String weightsSha256, String description, String jar, String jarSha256,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> configuration) {

        /** An adapter without a configuration. */
        public Adapter(String name, String version, String modality, String output, Long parameterCount,
                       String license, String weightsSha256, String description, String jar, String jarSha256) {
            this(name, version, modality, output, parameterCount, license, weightsSha256, description, jar, jarSha256,
                    null);
        }
    }

    /**
     * The data scored.
     *
     * @param name             {@code GLAMI-1M}
     * @param split            {@code test} or {@code train}
     * @param rows             valid rows of the split
     * @param scoredRows       rows the run scored (all, or those chosen by limit or subset)
     * @param manifestSha256   the split's manifest hash: results are comparable only when equal
     * @param classIndexSha256 the class index hash
     * @param classes          classes in the index
     * @param skippedRows      bad rows skipped in lenient mode
     */
    public record Dataset(String name, String split, int rows, int scoredRows, String manifestSha256,
                          String classIndexSha256, int classes, int skippedRows) {
    }

    /**
     * The settings the run used.
     *
     * @param batch          items per batch
     * @param threads        input pipeline threads
     * @param limit          the first N items only; null when not limited
     * @param subset         a stratified subset of N items; null when not a subset
     * @param seed           the run seed (subset draw, random adapters)
     * @param device         {@code cpu}, {@code gpu:N}
     * @param saveScores     whether full scores were stored
     * @param failFast       whether the first failure stopped the run
     * @param adapterOptions the {@code --adapter-option} pairs
     * @param isolation      where the adapter ran: {@code in-process}, {@code child} (a child JVM)
     *                       or {@code child+sandbox} (a child JVM without network or dataset folder)
     * @param adapterHeap    the child JVM's heap limit; null in process
     * @param batchTimeoutSeconds how long a batch could take before the child JVM was ended; null
     *                       in process
     */
    public record Settings(int batch, int threads, Integer limit, Integer subset, long seed, String device,
                           boolean saveScores, boolean failFast, Map<String, String> adapterOptions, String isolation,
                           String adapterHeap, Integer batchTimeoutSeconds) {
    }

    /**
     * Where the time went, for the items scored in this session (a resumed run counts the last
     * session only).
     *
     * @param wallSeconds          from the first batch to the last
     * @param openSeconds          the adapter's open
     * @param items                items processed in this session
     * @param itemsPerSecond       items / wall seconds
     * @param adapterSeconds       inside {@code predict}
     * @param pipelineWaitSeconds  waiting for the input pipeline (decoding not hidden by the model)
     * @param resumedItems         items found already stored from an earlier, interrupted session
     */
    public record Timing(double wallSeconds, double openSeconds, long items, double itemsPerSecond,
                         double adapterSeconds, double pipelineWaitSeconds, long resumedItems) {
    }

    /**
     * Items without a prediction; they count as wrong in every metric.
     *
     * @param inputErrors   items whose input could not be read
     * @param adapterErrors items the adapter failed on
     * @param examples      up to {@value RunFiles#ERROR_EXAMPLES} of them: item id, status, message
     */
    public record Errors(long inputErrors, long adapterErrors, List<Map<String, Object>> examples) {
    }

    /**
     * Where the items were scored when the run was spread over an engine's workers. Times are of
     * this session only (as {@link Timing}).
     *
     * @param engine              {@code spark}
     * @param master              the Spark master, e.g. {@code local[2]}, {@code spark://host:7077}
     * @param partitions          partitions of each wave of batches
     * @param slots               task slots (executor cores) when the run started
     * @param waves               jobs run, each over up to partitions x a few batches
     * @param tasks               tasks that scored at least one batch (retried attempts not counted)
     * @param medianTaskItems     median items per task
     * @param medianTaskSeconds   median seconds per task, measured on the executor
     * @param maxTaskSeconds      the slowest task's seconds
     */
    public record Execution(String engine, String master, int partitions, int slots, int waves, int tasks,
                            double medianTaskItems, double medianTaskSeconds, double maxTaskSeconds) {
    }
}
