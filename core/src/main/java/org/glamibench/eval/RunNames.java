package org.glamibench.eval;

import java.util.regex.Pattern;

/** Names of run folders. */
public final class RunNames {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private RunNames() {
    }

    /**
     * The default run id, the same for the same command on the same data, so that repeating an
     * interrupted command resumes it: {@code <adapter>-<split>-<first 8 hex of the manifest>},
     * then {@code -limitN} or {@code -subsetN-seedS} when set.
     */
    public static String of(String adapter, String manifestSha256, EvaluationSettings settings) {
        StringBuilder id = new StringBuilder(adapter.replace(':', '_'))
                .append('-').append(settings.split().label())
                .append('-').append(manifestSha256, 0, 8);
        if (settings.limit() != null) {
            id.append("-limit").append(settings.limit());
        }
        if (settings.subset() != null) {
            id.append("-subset").append(settings.subset()).append("-seed").append(settings.seed());
        }
        return id.toString();
    }

    /**
     * A user-given run id, when safe as a folder name.
     *
     * @throws IllegalArgumentException for an empty name, a path, or odd characters
     */
    public static String checked(String runId) {
        if (!SAFE.matcher(runId).matches()) {
            throw new IllegalArgumentException("--run-id must be letters, digits, '.', '_' or '-' (not starting with "
                    + "'.' or '-'), got '" + runId + "'");
        }
        return runId;
    }
}
