package org.example.hostile;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * On a batch with a hostile item, writes to the process's real standard output (where the
 * harness reads its answers), then scores as usual. A print to {@code System.out} is harmless.
 */
public final class GarbageAdapter extends HostileAdapter {
    public GarbageAdapter() {
        super("hostile-garbage");
    }

    @Override
    void misbehave(List<Item> batch) throws IOException {
        System.out.println("hostile-garbage: this line is harmless");
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        stdout.write("hello from the adapter\n".getBytes(StandardCharsets.UTF_8));
        stdout.flush();
    }
}
