package org.glamibench.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.download.Checksum;
import org.glamibench.download.DatasetDownloader;
import org.glamibench.download.DatasetSource;
import org.glamibench.download.DatasetVariant;
import org.glamibench.download.HttpDownloader;
import org.glamibench.progress.ProgressOutput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glami-bench download}: downloads, verifies and extracts GLAMI-1M into
 * {@code EXTRACT_DIR/GLAMI-1M-dataset}. Exit codes: 0 done, 1 download, verification or extraction
 * failed, 2 bad usage (including an existing dataset folder without {@code --force}).
 */
@Command(name = "download",
        mixinStandardHelpOptions = true,
        description = {
            "Downloads the GLAMI-1M zip, verifies its size and checksum, and extracts it to EXTRACT_DIR/GLAMI-1M-dataset.",
            "An interrupted download resumes on the next run; a verified zip is not downloaded again."
        },
        footer = {
            "",
            "Known sources (size and sha256 built in):",
            "  full       GLAMI-1M-dataset.zip, 11,227,139,414 bytes,",
            "             from Zenodo, else its Hugging Face mirror",
            "  test-only  GLAMI-1M-dataset--test-only.zip, 1,393,501,262 bytes,",
            "             from Hugging Face",
            "Another --url needs --sha256 or --md5, or --no-checksum to take it unverified."
        })
public final class DownloadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "EXTRACT_DIR",
            description = "Folder for the zip and the extracted GLAMI-1M-dataset (default: $EXTRACT_DIR, else "
                    + DatasetLayout.DEFAULT_EXTRACT_DIR + ").")
    private Path dir;

    @Option(names = "--variant", paramLabel = "full|test-only",
            description = "Which published zip to get (default: full).")
    private String variant;

    @Option(names = "--url", paramLabel = "URL",
            description = "Download from this http(s) URL instead of the known sources.")
    private URI url;

    @Option(names = "--size", paramLabel = "BYTES",
            description = "Expected size of the file at --url, checked before extraction.")
    private Long size;

    @ArgGroup(exclusive = true)
    private ChecksumOptions checksumOptions;

    @Option(names = "--force",
            description = "Replace an existing EXTRACT_DIR/GLAMI-1M-dataset (removed only once the new one is extracted).")
    private boolean force;

    /** At most one of the three ways to say how the download is checked. */
    static final class ChecksumOptions {
        @Option(names = "--sha256", paramLabel = "HEX", required = true, description = "Expected SHA-256 of the zip.")
        String sha256;

        @Option(names = "--md5", paramLabel = "HEX", required = true, description = "Expected MD5 of the zip.")
        String md5;

        @Option(names = "--no-checksum", required = true,
                description = "Take a zip from --url without checking its content.")
        boolean none;

        /** The checksum given, or null for --no-checksum; IllegalArgumentException for a malformed one. */
        Checksum checksum() {
            if (sha256 != null) {
                return Checksum.sha256(sha256);
            }
            return md5 != null ? Checksum.md5(md5) : null;
        }
    }

    @Override
    public Integer call() {
        DatasetSource source = source();
        Path extractDir = dir != null ? dir : DatasetLayout.defaultExtractDir(System.getenv());
        Path dataset = extractDir.resolve(DatasetLayout.FOLDER_NAME);
        if (!force && Files.exists(dataset, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(dataset + " already exists; pass --force to replace it (the old"
                    + " folder is removed only once the new one is extracted)");
        }
        ProgressOutput output = ProgressOutput.of(spec.commandLine().getErr());
        DatasetDownloader.Result result = new DatasetDownloader(HttpDownloader.withDefaults(), output)
                .install(source, extractDir, force);
        spec.commandLine().getOut().println("GLAMI-1M dataset ready in " + result.dataset());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The source the options describe. */
    private DatasetSource source() {
        DatasetVariant chosen = variant == null ? null : parseVariant(variant);
        Optional<DatasetVariant> known = url == null ? Optional.of(chosen != null ? chosen : DatasetVariant.FULL)
                : DatasetVariant.ofUrl(url);
        if (url != null && chosen != null && known.orElse(null) != chosen) {
            throw usage("--url " + url + " is not the " + chosen.label() + " zip; give either --variant or --url");
        }
        DatasetSource source;
        try {
            source = known.map(DatasetVariant::source).orElseGet(() -> DatasetSource.of(url,
                    DatasetSource.UNKNOWN_SIZE, null));
        } catch (IllegalArgumentException e) {
            throw usage("--url: " + e.getMessage());
        }
        if (url != null) {
            source = source.withUrl(url);
        }
        if (size != null) {
            if (size < 0) {
                throw usage("--size must not be negative: " + size);
            }
            if (source.hasSize() && size != source.size()) {
                throw usage("--size " + size + " is not the known size of " + source.fileName() + ", "
                        + source.size() + " bytes");
            }
            source = source.withSize(size);
        }
        if (checksumOptions != null) {
            return source.withChecksum(checksumOptions.checksum());
        }
        if (known.isEmpty()) {
            throw usage("--url " + url + " is not a known GLAMI-1M source: give --sha256 HEX or --md5 HEX to verify"
                    + " the download, or --no-checksum to take it unverified");
        }
        return source;
    }

    private DatasetVariant parseVariant(String label) {
        try {
            return DatasetVariant.ofLabel(label);
        } catch (IllegalArgumentException e) {
            throw usage("--variant: " + e.getMessage());
        }
    }

    /** A bad option value: printed as {@code error: message}, exit code 2, like the other commands. */
    private static IllegalArgumentException usage(String message) {
        return new IllegalArgumentException(message);
    }
}
