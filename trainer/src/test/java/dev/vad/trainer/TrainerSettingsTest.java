package dev.vad.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.kafka.TopicRange;
import dev.vad.model.Preset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerSettingsTest {

    private static TrainerSettings load(Map<String, String> flags, Map<String, String> env, String from, String to) {
        ConfigReader config = new ConfigReader(flags, env);
        TrainerSettings settings = TrainerSettings.load(config, from, to, List.of(), true);
        config.validate();
        return settings;
    }

    @Test
    void defaultsAreAContinualFuture3dModelNamedForItsKind() {
        TrainerSettings s = load(Map.of("bootstrap-servers", "k:9092"), Map.of(), null, null);
        assertThat(s.modelName()).isEqualTo("conv3d");
        assertThat(s.mode()).isEqualTo(TrainingMode.CONTINUAL);
        assertThat(s.dimensions()).isEqualTo(3);
        assertThat(s.fit().preset()).isEqualTo(Preset.FUTURE);
        assertThat(s.fit().learningRate()).isEqualTo(3e-3);
        assertThat(s.groupId()).isEqualTo("vad-trainer");
        assertThat(s.modelDir()).isNull();
        assertThat(s.metrics().port()).isEqualTo(TrainerSettings.DEFAULT_METRICS_PORT);
    }

    @Test
    void environmentConfiguresAndFlagsWin() {
        TrainerSettings s = load(Map.of("bootstrap-servers", "k:9092", "model", "conv4d"),
                Map.of("VAD_MODEL", "conv2d", "VAD_MODE", "fit-then-freeze", "VAD_TRAIN_WINDOWS", "5000"), null, null);
        assertThat(s.modelName()).isEqualTo("conv4d");
        assertThat(s.mode()).isEqualTo(TrainingMode.FIT_THEN_FREEZE);
        assertThat(s.training().bufferWindows()).as("a finite fit keeps every window it was asked to learn from")
                .isEqualTo(5000);
    }

    @Test
    void aRangeMeansReplay() {
        TrainerSettings s = load(Map.of("bootstrap-servers", "k:9092"), Map.of(), "0:10", "0:20");
        assertThat(s.mode()).isEqualTo(TrainingMode.REPLAY);
        assertThat(s.range()).isEqualTo(TopicRange.parse("0:10", "0:20"));
    }

    @Test
    void anUnreadableRangeIsAConfigurationProblem() {
        assertThatThrownBy(() -> load(Map.of("bootstrap-servers", "k:9092"), Map.of(), "yesterday", null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--from")
                .hasMessageContaining("expected per-partition offsets (0:120,1:80)");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> load(Map.of("model", "conv7d", "preset", "huge", "steps", "-1",
                "learning-rate", "0", "publish-every", "0s", "model-name", "a b"), Map.of(), null, "0:5"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--model").hasMessageContaining("conv1d, conv2d")
                .hasMessageContaining("--preset").hasMessageContaining("unknown model preset 'huge'")
                .hasMessageContaining("--steps").hasMessageContaining("--learning-rate")
                .hasMessageContaining("--publish-every").hasMessageContaining("--model-name")
                .hasMessageContaining("--to").hasMessageContaining("--bootstrap-servers");
    }

    @Test
    void kindsThatFuturePredictionDoesNotTakeDefaultToCompact() {
        for (String kind : new String[] {"conv1d", "conv2d"}) {
            TrainerSettings s = load(Map.of("bootstrap-servers", "k:9092", "model", kind), Map.of(), null, null);
            assertThat(s.fit().preset()).as(kind).isEqualTo(Preset.COMPACT);
        }
        assertThat(load(Map.of("bootstrap-servers", "k:9092", "model", "conv5d"), Map.of(), null, null).fit().preset())
                .isEqualTo(Preset.FUTURE);
    }

    @Test
    void aPresetThatCannotBuildTheDimensionsIsRefused() {
        assertThatThrownBy(() -> load(Map.of("bootstrap-servers", "k:9092", "model", "conv2d", "preset", "future"),
                Map.of(), null, null)).hasMessageContaining("at least conv3d for preset future");
    }
}
