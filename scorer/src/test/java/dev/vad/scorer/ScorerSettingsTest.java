package dev.vad.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.ConfigReader;
import dev.vad.core.score.ScoringSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerSettingsTest {

    private static ScorerSettings load(String... flags) {
        Map<String, String> map = new HashMap<>(Map.of("bootstrap-servers", "k:9092"));
        for (int i = 0; i < flags.length; i += 2) {
            map.put(flags[i], flags[i + 1]);
        }
        ConfigReader config = new ConfigReader(map, Map.of());
        ScorerSettings settings = ScorerSettings.load(config, null, null, List.of(), true);
        config.validate();
        return settings;
    }

    @Test
    void withoutFlagsWindowsAreScoredWithTheCoresDefaults() {
        assertThat(load().scoring()).isEqualTo(ScoringSettings.DEFAULT);
    }

    @Test
    void theThresholdSetsTheCalibrationAndTheEpisodesAndHalvesTheLowMark() {
        ScoringSettings scoring = load("threshold", "5").scoring();

        assertThat(scoring.calibration().threshold()).isEqualTo(5);
        assertThat(scoring.episodes().highMark()).isEqualTo(5);
        assertThat(scoring.episodes().lowMark()).isEqualTo(2.5);
    }

    @Test
    void anEvidenceDirectoryKeepsTheErrorsOfWindowsThatOpenAnEpisode() {
        assertThat(load("evidence-dir", "/tmp/vad-evidence").scoring().openingErrors()).isTrue();
        assertThat(load().scoring().openingErrors()).isFalse();
    }
}
