package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.wire.MaskPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --ignore-masks}: polygons as the camera record writes them (issue 24). */
class IgnoreMaskTextTest {

    @Test
    void readsPolygonsOfXyCornersAndNothingForBlank() {
        assertThat(IgnoreMaskText.parse("[[[0,0],[0.5,0],[0.5,0.25]], [[1,1],[0.9,1],[1,0.9]]]")).containsExactly(
                List.of(new MaskPoint(0, 0), new MaskPoint(0.5, 0), new MaskPoint(0.5, 0.25)),
                List.of(new MaskPoint(1, 1), new MaskPoint(0.9, 1), new MaskPoint(1, 0.9)));
        assertThat(IgnoreMaskText.parse(" ")).isEmpty();
    }

    @Test
    void refusesACornerThatIsNotAPairAndTextThatIsNotJson() {
        for (String text : List.of("[[[0]]]", "[[[0,0],null]]", "0,0 1,0 1,1", "[[[\"a\",0]]]")) {
            assertThatThrownBy(() -> IgnoreMaskText.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
