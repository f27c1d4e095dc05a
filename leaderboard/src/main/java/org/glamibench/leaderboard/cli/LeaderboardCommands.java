package org.glamibench.leaderboard.cli;

import java.util.List;
import org.glamibench.cli.CommandProvider;

/** Adds {@code leaderboard} and {@code gate} to the {@code glami-bench} command line. */
public final class LeaderboardCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new LeaderboardCommand(), new GateCommand());
    }
}
