package org.glamibench.eval;

import java.util.Map;
import java.util.Optional;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.run.RunResult;

/**
 * What a {@link Scorer} ran: the opened adapter as it described itself, and where the time went.
 * Times summed over several adapter instances (one per task slot) are sums of their times.
 *
 * @param descriptor          the adapter's descriptor after open
 * @param configuration       what a built-in adapter reported of its configuration; null for none
 * @param engine              the engine the adapter reported, if any
 * @param wallSeconds         from the first batch to the last
 * @param openSeconds         opening the adapter
 * @param items               items scored
 * @param adapterSeconds      inside {@code predict}
 * @param pipelineWaitSeconds waiting for the input pipeline
 * @param execution           where it ran when not in this JVM alone; null for a local run
 */
public record ScoringReport(AdapterDescriptor descriptor, Map<String, String> configuration,
                            Optional<EngineInfo> engine, double wallSeconds, double openSeconds, long items,
                            double adapterSeconds, double pipelineWaitSeconds, RunResult.Execution execution) {
}
