package org.glamibench.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.glamibench.files.Sha256;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;

/** Streams a file through a digest, with a progress meter: checking 10 GB takes a while. */
public final class FileDigest {

    private FileDigest() {
    }

    /**
     * Feeds the whole file to {@code digest}.
     *
     * @return the number of bytes read
     * @throws DownloadException when the file cannot be read
     */
    public static long update(MessageDigest digest, Path file, ProgressOutput output, String label) {
        try (InputStream in = Files.newInputStream(file);
             ProgressMeter meter = output.meter(label, ProgressMeter.Unit.BYTES, Files.size(file), 0)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                total += n;
                meter.add(n);
            }
            meter.finish();
            return total;
        } catch (IOException e) {
            throw new DownloadException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's SHA-256 in lower-case hex.
     *
     * @throws DownloadException when the file cannot be read
     */
    public static String sha256(Path file, ProgressOutput output, String label) {
        MessageDigest digest = Sha256.newDigest();
        update(digest, file, output, label);
        return Sha256.hex(digest.digest());
    }
}
