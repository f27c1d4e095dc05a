package org.glamibench.cli;

import org.glamibench.run.HarnessVersion;
import picocli.CommandLine;

/** What {@code --version} prints: {@code glami-bench <version>}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"glami-bench " + HarnessVersion.get()};
    }
}
