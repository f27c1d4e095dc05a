package org.glamibench.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glamibench.files.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCheckTest {
    @TempDir
    Path dir;

    @Test
    void acceptsAPublishedSizeJpegAndHashesItsBytes() throws IOException {
        byte[] jpeg = TestImages.glamiJpeg();
        ImageCheck.Result result = check(write("ok.jpg", jpeg));

        assertThat(result.ok()).isTrue();
        assertThat(result.sha256()).isEqualTo(Sha256.hexOf(jpeg));
    }

    @Test
    void acceptsGreyscale() throws IOException {
        assertThat(check(write("grey.jpg", TestImages.jpeg(228, 298, BufferedImage.TYPE_BYTE_GRAY))).ok()).isTrue();
    }

    @Test
    void reportsMissing() {
        ImageCheck.Result result = check(dir.resolve("7.jpg"));

        assertThat(result.problem().kind()).isEqualTo(ImageProblem.Kind.MISSING);
        assertThat(result.problem().detail()).isEqualTo("no file 7.jpg");
        assertThat(result.sha256()).isNull();
    }

    @Test
    void reportsEmptyAndNonImageFilesAsUnreadable() throws IOException {
        assertThat(check(write("empty.jpg", new byte[0])).problem())
                .isEqualTo(new ImageProblem(ImageProblem.Kind.UNREADABLE, "empty file"));
        assertThat(check(write("text.jpg", "not a jpeg".getBytes(StandardCharsets.UTF_8))).problem().kind())
                .isEqualTo(ImageProblem.Kind.UNREADABLE);
    }

    @Test
    void reportsAFileCutInsideItsHeaderAsUnreadable() throws IOException {
        byte[] header = Arrays.copyOf(TestImages.glamiJpeg(), 20);

        assertThat(check(write("cut.jpg", header)).problem().kind()).isEqualTo(ImageProblem.Kind.UNREADABLE);
    }

    @Test
    void reportsTruncationThatImageIoOnlyWarnsAbout() throws IOException {
        ImageCheck.Result result = check(write("half.jpg", TestImages.truncated()));

        assertThat(result.problem().kind()).isEqualTo(ImageProblem.Kind.TRUNCATED);
        assertThat(result.problem().detail()).isEqualTo("Truncated File - Missing EOI marker; Corrupt JPEG data: premature end of data segment");
    }

    @Test
    void reportsUnexpectedSize() throws IOException {
        ImageCheck.Result result = check(write("big.jpg", TestImages.jpeg(800, 800, BufferedImage.TYPE_INT_RGB)));

        assertThat(result.problem()).isEqualTo(new ImageProblem(ImageProblem.Kind.UNEXPECTED_SIZE, "800x800, expected 228x298"));
    }

    @Test
    void aReaderRecoversAfterABadFile() throws IOException {
        Path bad = write("half.jpg", TestImages.truncated());
        Path good = write("ok.jpg", TestImages.glamiJpeg());
        try (ImageCheck check = new ImageCheck()) {
            assertThat(check.check(bad).ok()).isFalse();
            assertThat(check.check(good).ok()).isTrue();
        }
    }

    private ImageCheck.Result check(Path file) {
        try (ImageCheck check = new ImageCheck()) {
            return check.check(file);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
