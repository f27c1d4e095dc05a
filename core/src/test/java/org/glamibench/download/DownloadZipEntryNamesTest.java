package org.glamibench.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownloadZipEntryNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../evil.txt|'..' leads outside the dataset folder",
        "GLAMI-1M-dataset/../../evil.txt|'..' leads outside the dataset folder",
        "..\\evil.txt|'..' leads outside the dataset folder",
        "/etc/evil.txt|it is an absolute path",
        "/../evil.txt|it is an absolute path",
        "\\evil.txt|it is an absolute path",
        "C:/evil.txt|it starts with a drive letter",
        "c:\\evil.txt|it starts with a drive letter",
        "C:evil.txt|it starts with a drive letter",
        "images/a:b.jpg|it holds a ':' or NUL character",
    })
    void namesLeadingOutsideTheTargetAreRefused(String name, String reason) {
        assertThatThrownBy(() -> ZipExtractor.segments(name, "x.zip"))
                .isInstanceOf(DownloadException.class)
                .hasMessage("x.zip: refusing entry '" + name + "': " + reason + "; nothing was extracted");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GLAMI-1M-dataset/images/1.jpg|GLAMI-1M-dataset,images,1.jpg",
        "GLAMI-1M-dataset/|GLAMI-1M-dataset",
        "./GLAMI-1M-dataset//GLAMI-1M-test.csv|GLAMI-1M-dataset,GLAMI-1M-test.csv",
        "images\\2.jpg|images,2.jpg",
        "a..b/c..|a..b,c..",
    })
    void safeNamesAreSplitIntoSegments(String name, String segments) {
        assertThat(ZipExtractor.segments(name, "x.zip")).containsExactly(segments.split(","));
    }
}
