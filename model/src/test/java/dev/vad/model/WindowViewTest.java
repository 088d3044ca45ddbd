package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class WindowViewTest {

    @Test
    void naturalViewsSplitTimeAndSpaceNearTheSquareRoot() {
        assertThat(WindowView.natural(1, 16, 64, 48).spatialShape()).containsExactly(64 * 48);
        assertThat(WindowView.natural(2, 16, 64, 48).spatialShape()).containsExactly(64, 48);
        assertThat(WindowView.natural(3, 16, 64, 48).spatialShape()).containsExactly(16, 64, 48);
        assertThat(WindowView.natural(4, 16, 64, 48).spatialShape()).containsExactly(4, 4, 64, 48);
        assertThat(WindowView.natural(5, 8, 64, 48).spatialShape()).containsExactly(8, 8, 8, 6, 8);
        assertThat(WindowView.natural(6, 8, 64, 48).spatialShape()).containsExactly(2, 4, 8, 8, 6, 8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void everyViewRestoresTheWindowExactly(int dimensions) {
        WindowView view = WindowView.natural(dimensions, 8, 6, 4);
        INDArray windows = SeededArrays.uniform(3, DataType.FLOAT, 2, 3, 8, 6, 4);
        INDArray model = view.toView(windows);
        assertThat(model.shape()[1]).isEqualTo(3);
        assertThat(view.fromView(model)).isEqualTo(windows);
    }

    @Test
    void fourAndSixDimensionalViewsPlaceFramesAndPixelsWhereDocumented() {
        INDArray windows = SeededArrays.uniform(4, DataType.FLOAT, 1, 1, 8, 6, 4);
        // 4D: frame 5 = t1 * T2 + t2 with T2 = 4
        assertThat(WindowView.natural(4, 8, 6, 4).toView(windows).getFloat(0, 0, 1, 1, 3, 2))
                .isEqualTo(windows.getFloat(0, 0, 5, 3, 2));
        // 6D: frame 5 = (1, 1), row 5 = (hb 1, hp 2) with Hp = 3, column 3 = (wb 1, wp 1) with Wp = 2
        assertThat(WindowView.natural(6, 8, 6, 4).toView(windows).getFloat(0, 0, 1, 1, 1, 2, 1, 1))
                .isEqualTo(windows.getFloat(0, 0, 5, 5, 3));
    }

    @Test
    void splitsThatWouldLeaveALengthOneAxisAreRefused() {
        assertThatThrownBy(() -> WindowView.natural(4, 7, 64, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frames 7 cannot be split");
        assertThat(WindowView.natural(3, 7, 64, 64).spatialShape()).isEqualTo(List.of(7, 64, 64));
    }
}
