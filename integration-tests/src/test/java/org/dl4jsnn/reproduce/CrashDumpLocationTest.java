package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.deeplearning4j.util.CrashReportingUtil;
import org.junit.jupiter.api.Test;

/** DL4J's out-of-memory reports go to a temporary folder, not into the folder the user ran the tool from. */
class CrashDumpLocationTest {

    @Test
    void crashDumpsAreDirectedOutOfTheWorkingFolderUnlessTheUserChoseAPlace() {
        String previous = System.getProperty(Dl4jSnnCli.CRASH_DUMP_DIRECTORY);
        try {
            System.clearProperty(Dl4jSnnCli.CRASH_DUMP_DIRECTORY);
            Dl4jSnnCli.jvmDefaults();
            Path dir = Path.of(System.getProperty(Dl4jSnnCli.CRASH_DUMP_DIRECTORY)).toAbsolutePath();
            assertThat(dir.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())).as(dir.toString())
                    .isTrue();
            assertThat(dir.startsWith(Path.of(System.getProperty("user.dir")).toAbsolutePath())).as(dir.toString())
                    .isFalse();

            System.setProperty(Dl4jSnnCli.CRASH_DUMP_DIRECTORY, "/somewhere/chosen");
            Dl4jSnnCli.jvmDefaults();
            assertThat(System.getProperty(Dl4jSnnCli.CRASH_DUMP_DIRECTORY)).isEqualTo("/somewhere/chosen");
        } finally {
            if (previous == null) {
                System.clearProperty(Dl4jSnnCli.CRASH_DUMP_DIRECTORY);
            } else {
                System.setProperty(Dl4jSnnCli.CRASH_DUMP_DIRECTORY, previous);
            }
        }
    }

    /** The property name is DL4J's own: its crash reporter names it in the jar this build uses. */
    @Test
    void thePropertyIsTheOneDl4jReads() throws Exception {
        try (var in = CrashReportingUtil.class
                .getResourceAsStream("CrashReportingUtil.class")) {
            String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).contains(Dl4jSnnCli.CRASH_DUMP_DIRECTORY);
        }
    }
}
