package org.glamibench.adapter.builtin;

import java.util.Map;
import java.util.TreeSet;
import org.glamibench.adapter.DeviceSpec;

/** The refusals of the built-ins that take no options and use no device. */
final class NoSettings {
    private NoSettings() {
    }

    /**
     * Refuses any option.
     *
     * @throws IllegalArgumentException when options were given, naming them
     */
    static void refuseOptions(String adapter, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(adapter + ": unknown --adapter-option " + new TreeSet<>(options.keySet())
                    + "; known: none (" + adapter + " takes no options)");
        }
    }

    /**
     * Refuses a GPU: the adapter computes on the CPU and never falls back silently.
     *
     * @throws IllegalArgumentException for a GPU
     */
    static void refuseGpu(String adapter, DeviceSpec device) {
        if (device.gpu()) {
            throw new IllegalArgumentException(adapter + " uses no device and runs on the CPU: --device " + device
                    + " is refused; give --device cpu");
        }
    }
}
