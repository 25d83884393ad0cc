package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.dl4jsnn.data.DatasetCache;
import org.junit.jupiter.api.Test;

/** --help says what each preset sets, where the data cache lives, and how long the default bench runs. */
class HelpTextTest {

    @Test
    void reproduceHelpListsEachPresetsSettingsAndTheDataCache() {
        CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("mexican-hat")).run("reproduce", "--help");
        String help = r.out().replaceAll("\\s+", " ");
        // the fake task's presets: fast 40 iterations, batch 16, lr 0.001; paper 400, batch 64, searched
        assertThat(help).contains("fast: 40 iterations, batch 16, learning rate 0.001")
                .contains("paper: 400 iterations, batch 64, learning rate chosen among 0.001, 0.003, 0.01 on a"
                        + " validation fold after 100 iterations each")
                .contains("Data sets are generated on first use").contains("--checkpoint-every").contains("--verbose");
        // picocli may wrap inside a long path or property name: compare those without white space
        String cacheDir = System.getProperty("dl4j.snn.cache", DatasetCache.defaultDirectory().toString());
        assertThat(r.out().replaceAll("\\s+", "")).contains("keptin" + cacheDir.replaceAll("\\s+", ""))
                .contains("-Ddl4j.snn.cache=DIR");
    }

    @Test
    void theHelpNamesAMovedDataCache() {
        String previous = System.getProperty("dl4j.snn.cache");
        try {
            System.setProperty("dl4j.snn.cache", "/tmp/a-rather-long-folder-name/for-the-data-cache-of-dl4j-snn");
            CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("mexican-hat")).run("reproduce", "--help");
            assertThat(r.out().replaceAll("\\s+", ""))
                    .contains("keptin/tmp/a-rather-long-folder-name/for-the-data-cache-of-dl4j-snn");
        } finally {
            if (previous == null) {
                System.clearProperty("dl4j.snn.cache");
            } else {
                System.setProperty("dl4j.snn.cache", previous);
            }
        }
    }

    @Test
    void benchHelpSaysTheDefaultGridTakesAboutHalfAnHour() {
        CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("mexican-hat")).run("bench", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("runs for about half an hour");
    }
}
