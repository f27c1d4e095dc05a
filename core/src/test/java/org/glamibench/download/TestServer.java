package org.glamibench.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 serving files from memory with {@code Range} support, and ways to
 * misbehave: cut or stall the next response, ignore ranges, answer 503. Records every request.
 */
public final class TestServer implements AutoCloseable {

    /** A request as received: path and {@code Range} header (null when none). */
    public record Request(String path, String range) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong cutNextAfter = new AtomicLong(-1);
    private final AtomicLong stallNextAfter = new AtomicLong(-1);
    private final AtomicInteger failuresToSend = new AtomicInteger();
    private volatile long stallMillis;
    private volatile boolean ignoreRange;

    private TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static TestServer start() throws IOException {
        return new TestServer();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public TestServer serve(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    public TestServer redirect(String from, String to) {
        redirects.put(from, to);
        return this;
    }

    /** The next response with a body closes the connection after {@code bytes} body bytes. */
    public void cutNextResponseAfter(long bytes) {
        cutNextAfter.set(bytes);
    }

    /** The next response with a body stops sending for {@code millis} after {@code bytes} body bytes. */
    public void stallNextResponseAfter(long bytes, long millis) {
        stallMillis = millis;
        stallNextAfter.set(bytes);
    }

    /** Answer the next {@code count} requests with 503 Service Unavailable. */
    public void failNext(int count) {
        failuresToSend.set(count);
    }

    /** Answer every request with the whole file and 200, as servers without range support do. */
    public void ignoreRange() {
        ignoreRange = true;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Body bytes written to clients, over all responses. */
    public long bytesSent() {
        return bytesSent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String range = exchange.getRequestHeaders().getFirst("Range");
            requests.add(new Request(path, range));
            if (failuresToSend.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String target = redirects.get(path);
            if (target != null) {
                exchange.getResponseHeaders().set("Location", target);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int start = 0;
            int status = 200;
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            if (matcher != null && matcher.matches() && !ignoreRange) {
                start = Integer.parseInt(matcher.group(1));
                if (start >= body.length) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                exchange.getResponseHeaders().set("Content-Range",
                        "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            }
            exchange.sendResponseHeaders(status, body.length - start);
            OutputStream out = exchange.getResponseBody();
            long cut = cutNextAfter.getAndSet(-1);
            long stall = stallNextAfter.getAndSet(-1);
            int end = body.length;
            if (cut >= 0) {
                end = (int) Math.min(body.length, start + cut);
            }
            if (stall >= 0) {
                int stallAt = (int) Math.min(body.length, start + stall);
                write(out, body, start, stallAt);
                sleep(stallMillis);
                start = stallAt;
            }
            write(out, body, start, end);
        } catch (IOException e) {
            // the client went away, or a cut response: nothing to do
        }
    }

    private void write(OutputStream out, byte[] body, int from, int to) throws IOException {
        out.write(body, from, to - from);
        out.flush();
        bytesSent.addAndGet(to - from);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
