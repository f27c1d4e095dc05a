package org.glamibench.spark.cli;

import java.util.List;
import org.glamibench.cli.CommandProvider;

/** Adds {@code sweep} to the command line when the spark module is on the class path. */
public final class SparkCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new SweepCommand());
    }
}
