package org.glamibench.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.isolation.ChildProcess.ChildFailure;
import org.glamibench.isolation.ChildProtocol.Frame;
import org.glamibench.isolation.ChildProtocol.Threw;
import org.glamibench.registry.AdapterCallException;

/**
 * An adapter of a jar run in a child JVM, seen by the harness as any other adapter: {@code open}
 * starts the child and opens the adapter there, {@code prepare} only hands the item's inputs on
 * (the child calls the adapter's {@code prepare} before each batch), {@code predict} sends the
 * batch and returns the adapter's raw scores, {@code close} closes the adapter and ends the child.
 * The harness's checks of the output, its item-by-item retry and its error records apply as in
 * process.
 *
 * <p>When the child fails on a batch (exits, crashes, runs out of heap, hangs past the batch
 * timeout, writes garbage) it is ended, and the batch is sent again to a fresh child (opened with
 * the same context) up to {@link ChildSettings#retries()} times; after that {@code predict} throws
 * an {@link AdapterCallException} that is not worth an item-by-item retry. The next batch gets a
 * fresh child. Not thread-safe: one thread calls open, predict and close.
 */
public final class ChildProcessAdapter implements ModelAdapter<ItemInput> {
    private final Path jar;
    private final ChildSettings settings;
    private AdapterDescriptor descriptor;
    private AdapterContext context;
    private ChildProcess child;

    /**
     * @param jar        the adapter jar
     * @param descriptor the adapter's descriptor as its jar's child listed it
     */
    public ChildProcessAdapter(Path jar, AdapterDescriptor descriptor, ChildSettings settings) {
        this.jar = Objects.requireNonNull(jar, "jar");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The descriptor the child listed; after {@code open}, the one the opened adapter gives. */
    @Override
    public AdapterDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Starts the child and opens the adapter in it.
     *
     * @throws AdapterCallException with the adapter's own message when its {@code open} threw, or
     *                            saying how the child failed
     * @throws IllegalArgumentException when the sandbox cannot run here
     */
    @Override
    public void open(AdapterContext context) throws AdapterCallException {
        this.context = Objects.requireNonNull(context, "context");
        child = startOpened();
    }

    /** The item itself: the child prepares it. */
    @Override
    public ItemInput prepare(ItemInput item) {
        return item;
    }

    /**
     * Scores a batch in the child.
     *
     * @throws AdapterCallException when the adapter's {@code prepare} or {@code predict} threw in the
     *                            child (worth retrying item by item), or the child failed on the
     *                            batch in every attempt (not worth it)
     */
    @Override
    public float[][] predict(List<ItemInput> batch) throws AdapterCallException {
        byte[] payload = ChildProtocol.batch(batch);
        String doing = "while scoring a batch of " + batch.size() + (batch.size() == 1 ? " item" : " items");
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            try {
                if (child == null || !child.alive()) {
                    restart();
                }
                return answer(child.exchange(ChildProtocol.Type.BATCH, payload, settings.batchTimeout(), doing));
            } catch (ChildFailure failure) {
                failures.add("its JVM " + failure.getMessage());
                end();
            } catch (FreshChildFailed failure) {
                failures.add(failure.getMessage());
            }
        }
        throw new AdapterCallException(failures.size() == 2 && failures.get(0).equals(failures.get(1))
                ? failures.get(0) + ", twice (the second time in a fresh JVM)"
                : String.join("; then, in a fresh JVM: ", failures), null, false);
    }

    private float[][] answer(Frame frame) throws ChildFailure, AdapterCallException {
        try {
            if (frame.type() == ChildProtocol.Type.SCORES) {
                return ChildProtocol.readScores(frame.payload());
            }
            if (frame.type() == ChildProtocol.Type.THREW) {
                Threw threw = ChildProtocol.readThrew(frame.payload());
                throw new AdapterCallException(threw.phase() + " threw " + threw.text(), threw.text(), true);
            }
        } catch (IOException e) {
            throw new ChildFailure("sent a malformed " + frame.type() + " answer (" + e.getMessage() + ")");
        }
        throw new ChildFailure("answered a batch with " + frame.type());
    }

    /** Closes the adapter in the child and ends the child. */
    @Override
    public void close() throws AdapterCallException {
        if (child == null) {
            return;
        }
        try {
            if (child.alive()) {
                Frame frame = child.exchange(ChildProtocol.Type.CLOSE, new byte[0], settings.openTimeout(), "while closing the adapter");
                if (frame.type() == ChildProtocol.Type.THREW) {
                    Threw threw = ChildProtocol.readThrew(frame.payload());
                    throw new AdapterCallException(threw.message(), threw.text(), false);
                }
            }
        } catch (ChildFailure failure) {
            throw new AdapterCallException("its JVM " + failure.getMessage(), null, false);
        } catch (IOException e) {
            throw new AdapterCallException("its JVM sent a malformed answer to close (" + e.getMessage() + ")", null, false);
        } finally {
            child.close();
            child = null;
        }
    }

    /** A fresh child for a batch, after the last one failed or ended. */
    private void restart() throws FreshChildFailed {
        if (child != null) {
            settings.stderr().accept("the adapter's JVM ended between batches (exit code " + child.exitCode()
                    + "); starting a fresh one");
            end();
        }
        try {
            child = startOpened();
        } catch (AdapterCallException e) {
            throw new FreshChildFailed("opening the adapter again failed: " + e.getMessage());
        }
    }

    private ChildProcess startOpened() throws AdapterCallException {
        ChildProcess started;
        try {
            started = ChildProcess.start(ChildCommand.of(settings, jar, context), settings);
        } catch (ChildFailure failure) {
            throw new AdapterCallException(failure.getMessage(), null, false);
        }
        try {
            Frame hello = started.await(settings.openTimeout(), "while starting");
            if (hello.type() == ChildProtocol.Type.LOAD_FAILED) {
                throw new AdapterCallException(ChildProtocol.readText(hello.payload()), null, false);
            }
            if (hello.type() != ChildProtocol.Type.HELLO || ChildProtocol.readHello(hello.payload()).stream()
                    .noneMatch(listed -> listed.name().equals(descriptor.name()))) {
                throw new AdapterCallException(jar + " no longer has an adapter named " + descriptor.name(), null, false);
            }
            byte[] open = ChildProtocol.open(new ChildProtocol.OpenRequest(descriptor.name(),
                    ChildCommand.inChild(settings, context), settings.prepareThreads()));
            Frame opened = started.exchange(ChildProtocol.Type.OPEN, open, settings.openTimeout(), "while opening the adapter");
            if (opened.type() == ChildProtocol.Type.THREW) {
                Threw threw = ChildProtocol.readThrew(opened.payload());
                throw new AdapterCallException(threw.message(), threw.text(), false);
            }
            if (opened.type() != ChildProtocol.Type.OPENED) {
                throw new AdapterCallException("its JVM answered open with " + opened.type(), null, false);
            }
            descriptor = ChildProtocol.readDescriptor(opened.payload());
            return started;
        } catch (ChildFailure failure) {
            started.close();
            throw new AdapterCallException("its JVM " + failure.getMessage(), null, false);
        } catch (IOException e) {
            started.close();
            throw new AdapterCallException("its JVM sent a malformed answer (" + e.getMessage() + ")", null, false);
        } catch (AdapterCallException e) {
            started.close();
            throw e;
        }
    }

    private void end() {
        if (child != null) {
            child.kill();
            child.close();
            child = null;
        }
    }

    /** Starting or opening a fresh child for a batch failed. */
    private static final class FreshChildFailed extends Exception {
        FreshChildFailed(String message) {
            super(message, null, false, false);
        }
    }
}
