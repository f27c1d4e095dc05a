package org.glamibench.isolation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.isolation.ChildProtocol.Frame;
import org.glamibench.isolation.ChildProtocol.OpenRequest;
import org.glamibench.registry.AdapterRegistry;

/**
 * The main class of an adapter's child JVM: loads the jar's adapters (each jar in its own class
 * loader, as in the harness), says hello with their descriptors, then answers the harness's
 * requests one at a time: open, batches (prepare on a pool of threads, then predict), close.
 *
 * <p>The protocol owns the process's real standard input and output: {@code System.out} is sent to
 * standard error and {@code System.in} is empty, so the adapter's prints cannot corrupt a frame.
 * When the harness closes standard input (or dies), the process halts at once, whatever the
 * adapter's threads are doing.
 */
public final class AdapterHost {
    private final Path jar;
    private final OutputStream out;
    private final BlockingQueue<Frame> requests;
    private ModelAdapter<Object> adapter;
    private ExecutorService preparers;

    private AdapterHost(Path jar, OutputStream out, BlockingQueue<Frame> requests) {
        this.jar = jar;
        this.out = out;
        this.requests = requests;
    }

    /**
     * Runs in the adapter's child JVM: loads the jar's adapters and answers the harness's requests
     * over standard input and output until told to close.
     *
     * @param args the adapter jar
     */
    public static void main(String[] args) throws InterruptedException {
        OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        InputStream protocolIn = new FileInputStream(FileDescriptor.in);
        System.setOut(System.err);
        System.setIn(InputStream.nullInputStream());
        BlockingQueue<Frame> requests = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readRequests(protocolIn, requests), "glami-bench-requests");
        reader.setDaemon(true);
        reader.start();
        new AdapterHost(Path.of(args[0]), protocolOut, requests).serve();
    }

    /** Queues the harness's requests; halts the JVM when its input ends or breaks. */
    private static void readRequests(InputStream protocolIn, BlockingQueue<Frame> requests) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(protocolIn, 1 << 16));
        int status = 0;
        try {
            for (Frame frame = ChildProtocol.read(in, ChildProtocol.REQUEST_LIMIT); frame != null; frame = ChildProtocol.read(in, ChildProtocol.REQUEST_LIMIT)) {
                requests.add(frame);
            }
        } catch (IOException e) {
            System.err.println("glami-bench adapter host: bad request from the harness: " + e.getMessage());
            status = 2;
        }
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    private void serve() throws InterruptedException {
        AdapterRegistry registry;
        try {
            registry = AdapterRegistry.load(List.of(jar));
        } catch (RuntimeException e) {
            send(ChildProtocol.Type.LOAD_FAILED, ChildProtocol.text(e.getMessage()));
            waitForTheEnd();
            return;
        }
        List<AdapterDescriptor> found = registry.entries().stream().filter(entry -> entry.jar() != null)
                .map(AdapterRegistry.Entry::descriptor).toList();
        send(ChildProtocol.Type.HELLO, ChildProtocol.hello(found));
        while (true) {
            Frame request = requests.take();
            switch (request.type()) {
                case OPEN -> open(registry, request);
                case BATCH -> score(request);
                case CLOSE -> {
                    close();
                    waitForTheEnd();
                    return;
                }
                default -> throw new IllegalStateException("unexpected request " + request.type());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void open(AdapterRegistry registry, Frame request) {
        try {
            OpenRequest open = ChildProtocol.readOpen(request.payload());
            preparers = Executors.newFixedThreadPool(open.prepareThreads(), runnable -> {
                Thread thread = new Thread(runnable, "glami-bench-prepare");
                thread.setDaemon(true);
                return thread;
            });
            adapter = (ModelAdapter<Object>) registry.get(open.adapter()).factory().get();
            adapter.open(open.context());
            send(ChildProtocol.Type.OPENED, ChildProtocol.descriptor(adapter.descriptor()));
        } catch (Throwable thrown) {
            send(ChildProtocol.Type.THREW, ChildProtocol.threw("open", thrown));
        }
    }

    private void score(Frame request) {
        List<ItemInput> items;
        try {
            items = ChildProtocol.readBatch(request.payload());
        } catch (IOException e) {
            throw new IllegalStateException("malformed batch from the harness", e);
        }
        List<Object> prepared = new ArrayList<>(items.size());
        try {
            if (items.size() == 1) {
                prepared.add(adapter.prepare(items.get(0)));
            } else {
                List<Future<Object>> futures = new ArrayList<>(items.size());
                for (ItemInput item : items) {
                    futures.add(preparers.submit(() -> adapter.prepare(item)));
                }
                for (Future<Object> future : futures) {
                    prepared.add(future.get());
                }
            }
        } catch (ExecutionException e) {
            send(ChildProtocol.Type.THREW, ChildProtocol.threw("prepare", e.getCause()));
            return;
        } catch (Throwable thrown) {
            send(ChildProtocol.Type.THREW, ChildProtocol.threw("prepare", thrown));
            return;
        }
        float[][] scores;
        try {
            scores = adapter.predict(prepared);
        } catch (Throwable thrown) {
            send(ChildProtocol.Type.THREW, ChildProtocol.threw("predict", thrown));
            return;
        }
        send(ChildProtocol.Type.SCORES, ChildProtocol.scores(scores));
    }

    private void close() {
        try {
            if (adapter != null) {
                adapter.close();
            }
            send(ChildProtocol.Type.CLOSED, new byte[0]);
        } catch (Throwable thrown) {
            send(ChildProtocol.Type.THREW, ChildProtocol.threw("close", thrown));
        }
    }

    /** Waits until the harness closes standard input; the reader then halts the JVM. */
    private void waitForTheEnd() throws InterruptedException {
        while (true) {
            requests.take();
        }
    }

    private void send(ChildProtocol.Type type, byte[] payload) {
        try {
            ChildProtocol.write(out, type, payload);
        } catch (IOException e) {
            Runtime.getRuntime().halt(2);
        }
    }
}
