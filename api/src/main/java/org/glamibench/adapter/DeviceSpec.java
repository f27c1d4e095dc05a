package org.glamibench.adapter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device an adapter is asked to run on, as given by {@code --device}: {@code cpu},
 * {@code gpu} (the first GPU) or {@code gpu:N}.
 *
 * @param gpu   whether a GPU is asked for
 * @param index the GPU index; 0 for the CPU
 */
public record DeviceSpec(boolean gpu, int index) {
    private static final Pattern FORM = Pattern.compile("cpu|gpu(?::(\\d{1,3}))?");

    /** The CPU. */
    public static final DeviceSpec CPU = new DeviceSpec(false, 0);

    /**
     * Parses {@code cpu}, {@code gpu} or {@code gpu:N}.
     *
     * @param text the {@code --device} value; {@code N} has one to three digits
     * @return {@link #CPU} for {@code cpu}; else the GPU of index {@code N}, 0 for plain {@code gpu}
     * @throws IllegalArgumentException for anything else
     */
    public static DeviceSpec parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--device must be cpu, gpu or gpu:N, got '" + text + "'");
        }
        if (text.equals("cpu")) {
            return CPU;
        }
        return new DeviceSpec(true, matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1)));
    }

    @Override
    public String toString() {
        return gpu ? "gpu:" + index : "cpu";
    }
}
