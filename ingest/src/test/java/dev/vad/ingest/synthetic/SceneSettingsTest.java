package dev.vad.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SceneSettingsTest {

    @Test
    void defaultsDescribeTheDocumentedSchedule() {
        SceneSettings settings = SceneSettings.defaults(64, 48, 3);

        assertThat(settings).isEqualTo(new SceneSettings(42, 64, 48, 3, 25, 6, 750, 500, 50));
        assertThat(settings.frameBytes()).isEqualTo(64 * 48 * 3);
        assertThat(settings.hasAnomalies()).isTrue();
    }

    @Test
    void withoutAnomaliesKeepsEverythingElse() {
        SceneSettings settings = SceneSettings.defaults(64, 64, 1).withSeed(7);

        SceneSettings clean = settings.withoutAnomalies();

        assertThat(clean.hasAnomalies()).isFalse();
        assertThat(clean.seed()).isEqualTo(7);
        assertThat(clean.objects()).isEqualTo(settings.objects());
    }

    @Test
    void validationReportsEveryProblemAtOnceWithWhatWasFound() {
        assertThatThrownBy(() -> new SceneSettings(1, 8, 5000, 2, 0, -1, -5, -1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width must be between 16 and 4096 pixels, found 8")
                .hasMessageContaining("height must be between 16 and 4096 pixels, found 5000")
                .hasMessageContaining("channels must be 1 (grey) or 3 (RGB), found 2")
                .hasMessageContaining("fps must be a finite number > 0, found 0.0")
                .hasMessageContaining("objects must be between 0 and 1000, found -1")
                .hasMessageContaining("firstAnomalyFrame must be >= 0, found -5")
                .hasMessageContaining("anomalyEveryFrames must be >= 0 (0 disables anomalies), found -1");
    }

    @Test
    void validationRejectsNonFiniteFps() {
        assertThatThrownBy(() -> new SceneSettings(1, 64, 64, 1, Double.NaN, 6, 0, 0, 0))
                .hasMessageContaining("fps must be a finite number > 0, found NaN");
        assertThatThrownBy(() -> new SceneSettings(1, 64, 64, 1, Double.POSITIVE_INFINITY, 6, 0, 0, 0))
                .hasMessageContaining("found Infinity");
    }

    @Test
    void validationRejectsAnomaliesLongerThanTheirPeriod() {
        assertThatThrownBy(() -> new SceneSettings(1, 64, 64, 1, 25, 6, 100, 40, 41))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anomalyLengthFrames must be between 1 and anomalyEveryFrames (40)")
                .hasMessageContaining("found 41");
        assertThatThrownBy(() -> new SceneSettings(1, 64, 64, 1, 25, 6, 100, 40, 0))
                .hasMessageContaining("found 0");
    }

    @Test
    void anomalyLengthIsFreeWhenAnomaliesAreDisabled() {
        assertThat(new SceneSettings(1, 16, 16, 1, 25, 0, 0, 0, 0).hasAnomalies()).isFalse();
    }
}
