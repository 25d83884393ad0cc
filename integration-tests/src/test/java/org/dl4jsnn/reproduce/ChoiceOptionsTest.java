package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsnn.reproduce.json.SettingsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training-convention options land in the recorded settings, and --resume holds them fixed. */
class ChoiceOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void optionsAreRecordedInCanonicalSpellingAndResumeMustAgree() throws Exception {
        Path out = tmp.resolve("out");
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        String[] base = {"reproduce", "mexican-hat", "--out", out.toString(), "--methods", "SG-RFG-L"};

        CliHarness.Result first = new CliHarness(runner).run(CliHarness.concat(base, "--schedule", "Cosine", "--init",
                "fan-in-uniform", "--reset-gradient", "bp = detached, rfg = differentiated", "--rfg-groups",
                "output-bias+neurons:4", "--rfg-directions", "orthogonal"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        RunSettings recorded = new SettingsJson().read(Files.readAllBytes(out.resolve("settings.json"))).settings();
        assertThat(recorded.extra())
                .containsEntry("lr schedule", "cosine: lr to lr/100 over the iterations")
                .containsEntry("init", "fan-in-uniform")
                .containsEntry("reset gradient", "bp=detached,rfg=differentiated")
                .containsEntry("RFG-L groups", "output-bias+neurons:4")
                .containsEntry("RFG directions", "orthogonal");
        assertThat(Files.readString(out.resolve("report.md"))).contains("| init | fan-in-uniform |");

        CliHarness.Result contradicting = new CliHarness(runner).run(CliHarness.concat(base, "--resume", "--schedule",
                "step"));
        assertThat(contradicting.exitCode()).isEqualTo(2);
        assertThat(contradicting.err()).contains("--schedule").contains("cosine: lr to lr/100");

        CliHarness.Result agreeing = new CliHarness(runner).run(CliHarness.concat(base, "--resume", "--schedule",
                "cosine", "--init", "FAN-IN-UNIFORM"));
        assertThat(agreeing.exitCode()).as(agreeing.err()).isZero();
    }

    @Test
    void activityLayersAreRecordedAndResumeMustAgree() throws Exception {
        Path out = tmp.resolve("activity");
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        String[] base = {"reproduce", "mexican-hat", "--out", out.toString(), "--methods", "SG-RFG-A"};
        CliHarness.Result first = new CliHarness(runner).run(CliHarness.concat(base, "--activity-layers",
                "Spiking+Dense"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        RunSettings recorded = new SettingsJson().read(Files.readAllBytes(out.resolve("settings.json"))).settings();
        assertThat(recorded.extra()).containsEntry("RFG-A layers", "spiking+dense");
        CliHarness.Result contradicting = new CliHarness(runner).run(CliHarness.concat(base, "--resume",
                "--activity-layers", "spiking"));
        assertThat(contradicting.exitCode()).isEqualTo(2);
        assertThat(contradicting.err()).contains("--activity-layers").contains("spiking+dense");
    }

    @Test
    void withoutOptionsTheTaskDefaultsStand() throws Exception {
        Path out = tmp.resolve("plain");
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness.Result r = new CliHarness(runner).run("reproduce", "mexican-hat", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunSettings recorded = new SettingsJson().read(Files.readAllBytes(out.resolve("settings.json"))).settings();
        assertThat(recorded.extra()).isEqualTo(runner.defaults(Preset.FAST).extra());
    }

    @Test
    void theParameterAverageIsRecordedRangeCheckedAndHeldByResume() throws Exception {
        Path out = tmp.resolve("average");
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        String[] base = {"reproduce", "mexican-hat", "--out", out.toString(), "--methods", "SG-RFG-L"};
        CliHarness.Result outOfRange = new CliHarness(runner).run(CliHarness.concat(base, "--param-average", "1"));
        assertThat(outOfRange.exitCode()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("--param-average").contains("(0, 1)");

        CliHarness.Result first = new CliHarness(runner).run(CliHarness.concat(base, "--param-average", "0.999"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        RunSettings recorded = new SettingsJson().read(Files.readAllBytes(out.resolve("settings.json"))).settings();
        assertThat(recorded.extra()).containsEntry("parameter average", "ema 0.999");
        CliHarness.Result contradicting = new CliHarness(runner).run(CliHarness.concat(base, "--resume",
                "--param-average", "none"));
        assertThat(contradicting.exitCode()).isEqualTo(2);
        assertThat(contradicting.err()).contains("--param-average").contains("ema 0.999");
    }
}
