package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.isolation.IsolatedAdapters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.eval.TestDataset;

/**
 * The sandbox, where jar adapters run by default: the snooping test adapter tries to read the test
 * split and to connect to a listener of this test. In a plain child JVM ({@code --no-sandbox}) both
 * work (and it scores every item right); in the sandbox both fail, as it reports on standard error, and it scores like an honest adapter. Skipped,
 * saying why, where bubblewrap is missing or cannot create namespaces.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SandboxTest {
    private static final List<GlamiRow> ITEMS = TestDataset.items(6);

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        data = TestDataset.write(shared, ITEMS);
    }

    @BeforeEach
    void needsBubblewrap() {
        Optional<String> problem = IsolatedAdapters.sandboxProblem();
        assumeTrue(problem.isEmpty(), () -> "skipped: " + problem.orElseThrow());
    }

    @Test
    void byDefaultAJarAdapterIsSandboxedAndCanNeitherReadTheTestSplitNorConnect() throws Exception {
        Path testCsv = new DatasetLayout(data).csv(Split.TEST);
        try (Listener listener = new Listener()) {
            String[] snoop = {"--adapter-jar", AdapterJars.hostile().toString(), "--adapter", "hostile-snoop",
                "--adapter-option", "peek=" + testCsv, "--adapter-option", "call=127.0.0.1:" + listener.port()};

            CommandRun child = evalOk(data, out, with(snoop, "--run-id", "child", "--no-sandbox"));

            assertThat(child.err()).contains("[adapter] snoop: read " + testCsv + ": 6 labels\n",
                    "[adapter] snoop: connect 127.0.0.1:" + listener.port() + ": connected\n");
            assertThat(listener.awaitConnections(1)).isEqualTo(1);
            assertThat(runJson(out.resolve("child")).at("/metrics/top1").asDouble()).as("it cheated").isEqualTo(1.0);
            Files.delete(out.resolve("cache/snoop.txt"));

            CommandRun sandboxed = evalOk(data, out, with(snoop, "--run-id", "sandboxed"));

            assertThat(sandboxed.err()).contains("[adapter] snoop: train split readable: 100 rows\n",
                    "[adapter] snoop: cache writable\n",
                    "[adapter] snoop: read " + testCsv + ": failed: ",
                    "[adapter] snoop: read /glami-bench/GLAMI-1M-test.csv: failed: ",
                    "[adapter] snoop: connect 127.0.0.1:" + listener.port() + ": failed: ")
                    .doesNotContain("labels\n", "connected", "warning");
            assertThat(out.resolve("cache/snoop.txt")).hasContent("written by hostile-snoop");
            Thread.sleep(200);
            assertThat(listener.connections()).as("no connection from the sandbox").isEqualTo(1);
            JsonNode json = runJson(out.resolve("sandboxed"));
            assertThat(json.at("/settings/isolation").asText()).isEqualTo("child+sandbox");
            // As honest as the names say: wrong at the third and sixth item.
            assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(4);
        }
    }

    @Test
    void theSandboxIsRefusedWhereItCouldNotHideTheDataset() throws Exception {
        Path cacheAboveData = shared;

        CommandRun run = CommandRun.of("eval", "--data", data.toString(), "--out", out.toString(), "--adapter-jar",
                AdapterJars.scripted().toString(), "--adapter", "scripted", "--sandbox", "--cache", cacheAboveData.toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("adapter scripted failed to open: the sandbox: " + data + " lies inside "
                + cacheAboveData.toRealPath() + ", which the sandbox has to show");
    }

    @Test
    void theSandboxIsForJarAdaptersInAChildJvm() {
        CommandRun builtIn = eval(data, out, "--adapter", "prior", "--sandbox");
        CommandRun inProcess = eval(data, out, "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted",
                "--sandbox", "--in-process");

        assertThat(builtIn.exitCode()).isEqualTo(2);
        assertThat(builtIn.err()).isEqualTo("error: --sandbox runs adapters from --adapter-jar; prior is built in\n");
        assertThat(inProcess.exitCode()).isEqualTo(2);
        assertThat(inProcess.err()).isEqualTo("error: --in-process and --sandbox exclude each other\n");
    }

    private static String[] with(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** A TCP listener on the loopback that counts the connections it accepts. */
    private static final class Listener implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();

        Listener() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "sandbox-test-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        /** The connections so far, after waiting up to 10 s for there to be at least {@code expected}. */
        int awaitConnections(int expected) throws InterruptedException {
            for (int i = 0; i < 500 && connections.get() < expected; i++) {
                Thread.sleep(20);
            }
            return connections.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                    connections.incrementAndGet();
                    in.readAllBytes();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
