package org.glamibench.cli;

import org.glamibench.adapter.DeviceSpec;
import picocli.CommandLine.Option;

/** {@code --device}: the device a command runs its model on (a picocli mixin). */
final class DeviceOption {
    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu", description = "cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    private String device;

    /**
     * The device asked for.
     *
     * @throws IllegalArgumentException for a malformed device
     */
    DeviceSpec device() {
        return DeviceSpec.parse(device);
    }
}
