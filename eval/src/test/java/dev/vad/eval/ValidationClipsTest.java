package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationClipsTest {

    @Test
    void threeOfSixteenClipsAreHeldOutFromTheMiddlesOfThreeEqualParts() {
        ValidationClips.HeldOut heldOut = ValidationClips.of(3).holdOut(dataset(16));

        assertThat(heldOut.clips()).extracting(Clip::name).containsExactly("03", "09", "14");
        assertThat(heldOut.rest().training()).hasSize(13).doesNotContainAnyElementsOf(heldOut.clips());
        assertThat(heldOut.rest().testing()).hasSize(1);
    }

    @Test
    void byDefaultThreeAreHeldOutButNeverMoreThanAQuarterOfTheClips() {
        assertThat(ValidationClips.byDefault().holdOut(dataset(16)).clips()).hasSize(3);
        assertThat(ValidationClips.byDefault().holdOut(dataset(8)).clips()).extracting(Clip::name)
                .containsExactly("03", "07");
        assertThat(ValidationClips.byDefault().holdOut(dataset(3)).clips()).isEmpty();
        assertThat(ValidationClips.byDefault().holdOut(dataset(2)).rest().training()).hasSize(2);
    }

    @Test
    void zeroHoldsOutNothing() {
        ValidationClips.HeldOut heldOut = ValidationClips.of(0).holdOut(dataset(16));

        assertThat(heldOut.clips()).isEmpty();
        assertThat(heldOut.rest().training()).hasSize(16);
    }

    @Test
    void allButOneClipMayBeHeldOut() {
        ValidationClips.HeldOut heldOut = ValidationClips.of(2).holdOut(dataset(3));

        assertThat(heldOut.clips()).extracting(Clip::name).containsExactly("01", "03");
        assertThat(heldOut.rest().training()).extracting(Clip::name).containsExactly("02");
    }

    @Test
    void holdingOutEveryClipIsRefusedSayingHowManyMayBe() {
        assertThatThrownBy(() -> ValidationClips.of(3).holdOut(dataset(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--validation-clips 3 would hold out 3 of the 2 training clips in use and leave none to"
                        + " train on; give at most 1 (0 turns validation off) or use more training clips"
                        + " (--train-clips)");
    }

    @Test
    void holdingOutEveryClipIsAConfigurationProblemForTheFlag() {
        ConfigReader config = new ConfigReader(Map.of("validation-clips", "2"), Map.of());

        ValidationClips.load(config).check(config, 2);
        ValidationClips.load(config).check(config, 3);

        assertThat(config.problems()).hasSize(1);
        assertThatThrownBy(config::validate).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--validation-clips / VAD_VALIDATION_CLIPS")
                .hasMessageContaining("at most 1: one of the 2 training clips in use must be left to train on");
    }

    @Test
    void theDefaultIsNeverAProblem() {
        ConfigReader config = new ConfigReader(Map.of(), Map.of());

        ValidationClips.load(config).check(config, 1);

        assertThat(config.problems()).isEmpty();
        assertThat(ValidationClips.load(config)).isEqualTo(ValidationClips.byDefault());
    }

    private static LabelledDataset dataset(int trainingClips) {
        List<Clip> training = IntStream.rangeClosed(1, trainingClips).mapToObj(i -> clip(String.format("%02d", i)))
                .toList();
        return new LabelledDataset("ucsd-ped2", "frames", training, List.of(clip("t1")));
    }

    private static Clip clip(String name) {
        return new Clip(name, Path.of(name), List.of(Path.of(name, "000.jpg")), List.of());
    }
}
