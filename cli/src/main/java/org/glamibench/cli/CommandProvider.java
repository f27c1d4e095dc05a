package org.glamibench.cli;

import java.util.List;

/**
 * A source of more {@code glami-bench} subcommands, found with {@link java.util.ServiceLoader} on
 * the class path, the way adapters are: a module that builds on the harness (the leaderboard
 * module adds {@code leaderboard} and {@code gate}) lists its provider in
 * {@code META-INF/services/org.glamibench.cli.CommandProvider}, and the command line offers its
 * commands whenever that module is on the class path. The harness itself depends on no such
 * module.
 *
 * <p>Implementations need a public no-argument constructor. Their commands follow the command
 * line's conventions: exit 0 when done, 1 when the work failed, 2 for bad usage or bad input
 * (an {@link IllegalArgumentException} thrown by a command is reported as bad input).
 */
public interface CommandProvider {

    /**
     * New instances of the provider's picocli commands (classes annotated with
     * {@link picocli.CommandLine.Command}, with a name), in the order they are listed in the help.
     */
    List<Object> commands();
}
