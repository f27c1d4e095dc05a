package org.glamibench.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Expected text is what pandas 1.5 {@code to_csv(index=False)} writes for the same cells. */
class SamplePandasCsvWriterTest {

    @Test
    void quotesOnlyWhatNeedsQuotingLikePandas() throws IOException {
        StringWriter out = new StringWriter();
        PandasCsvWriter writer = new PandasCsvWriter(out);
        writer.writeRow("a", "b", "c");
        writer.writeRow("1", "x,y", "");
        writer.writeRow("2", "q\"r", "#");
        writer.writeRow("3", "l\nm", "NA x");
        writer.writeRow("5", " lead", "é");
        writer.writeRow("6", "t\tab", "\"");
        assertThat(out.toString()).isEqualTo(
                "a,b,c\n1,\"x,y\",\n2,\"q\"\"r\",#\n3,\"l\nm\",NA x\n5, lead,é\n6,t\tab,\"\"\"\"\n");
    }

    @Test
    void quotesACarriageReturnAsRfc4180Asks() throws IOException {
        StringWriter out = new StringWriter();
        new PandasCsvWriter(out).writeRow("c\rr");
        assertThat(out.toString()).isEqualTo("\"c\rr\"\n");
    }
}
