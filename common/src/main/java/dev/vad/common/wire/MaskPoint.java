package dev.vad.common.wire;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A corner of an ignore mask, as fractions of the frame: {@code [0, 0]} is the top-left corner, {@code [1, 1]}
 * the bottom-right one, whatever the frame's size. Written as a two-element JSON array {@code [x, y]}.
 *
 * @param x fraction of the frame's width, 0 to 1
 * @param y fraction of the frame's height, 0 to 1
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"x", "y"})
public record MaskPoint(double x, double y) {
}
