package dev.vad.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {

    private enum Colour { GREY, DEEP_BLUE }

    private static final Setting<Integer> STEPS = Setting.integer("steps", 600, 1, 1000, "Training steps");

    private static ConfigReader flags(Map<String, String> flags) {
        return new ConfigReader(flags, Map.of());
    }

    @Test
    void helpIsTheDescriptionWithItsDefault() {
        assertThat(STEPS.help()).isEqualTo("Training steps (default 600).");
        assertThat(STEPS.withDefault(300).help()).isEqualTo("Training steps (default 300).");
        assertThat(STEPS.defaultText("the window's").help()).isEqualTo("Training steps (default the window's).");
        assertThat(Setting.text("model-dir", "DIR", null, "Where models go").help()).isEqualTo("Where models go.");
    }

    @Test
    void aValueIsReadThroughItsDeclaration() {
        assertThat(STEPS.from(flags(Map.of()))).isEqualTo(600);
        assertThat(STEPS.from(flags(Map.of()), 42)).isEqualTo(42);
        assertThat(STEPS.from(flags(Map.of("steps", "7")))).isEqualTo(7);
        assertThat(STEPS.from(new ConfigReader(Map.of(), Map.of("VAD_STEPS", "8")))).isEqualTo(8);
        assertThat(STEPS.given(flags(Map.of()))).isFalse();
        assertThat(STEPS.given(flags(Map.of("steps", "7")))).isTrue();
    }

    @Test
    void aBadValueIsAProblemAndTheDefaultIsUsed() {
        ConfigReader config = flags(Map.of("steps", "5000"));

        assertThat(STEPS.from(config)).isEqualTo(600);

        assertThat(config.problems()).singleElement().hasToString(
                "--steps / VAD_STEPS: expected an integer from 1 to 1000, found '5000' (flag)");
    }

    @Test
    void eachTypeSaysWhatItAccepts() {
        assertThat(STEPS.accepts()).isEqualTo("an integer from 1 to 1000");
        assertThat(Setting.integer("a", 3, 1, Integer.MAX_VALUE, "A").accepts()).isEqualTo("an integer of at least 1");
        assertThat(Setting.longInteger("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE, "Seed").accepts())
                .isEqualTo("an integer");
        Setting<Colour> colour = Setting.choice("colour", Colour.class, Colour.DEEP_BLUE, "Colour");
        assertThat(colour.label()).isEqualTo("grey|deep-blue");
        assertThat(colour.defaultText()).isEqualTo("deep-blue");
        assertThat(colour.from(flags(Map.of("colour", "grey")))).isEqualTo(Colour.GREY);
        Setting<Duration> retention = Setting.duration("retention", Duration.ofDays(7), "Retention");
        assertThat(retention.defaultText()).isEqualTo("7d");
        assertThat(retention.withDefault(Duration.ofMillis(1500)).defaultText()).isEqualTo("1500ms");
        assertThat(Setting.decimal("rate", "LR", 3e-3, 1e-7, 1, "Rate").defaultText()).isEqualTo("0.003");
        assertThat(Setting.bool("loop", false, "Loop").switchable()).isTrue();
    }

    @Test
    void anEnvironmentOnlySettingIsNamedByItsVariable() {
        Setting<Integer> limit = Setting.integer("frame-max-bytes", 1 << 20, 1, 1 << 30, "Limit").environmentOnly();

        assertThat(limit.isEnvironmentOnly()).isTrue();
        assertThat(limit.environmentName()).isEqualTo("VAD_FRAME_MAX_BYTES");
        assertThat(limit.from(new ConfigReader(Map.of(), Map.of("VAD_FRAME_MAX_BYTES", "4096")))).isEqualTo(4096);
    }

    @Test
    void aDeclarationIsCheckedForItsForm() {
        assertThatThrownBy(() -> Setting.integer("Steps", 1, 1, 2, "Steps")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> Setting.integer("steps", 1, 1, 2, "Steps.")).hasMessageContaining("full stop");
    }
}
