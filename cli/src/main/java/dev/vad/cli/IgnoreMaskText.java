package dev.vad.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vad.common.wire.MaskPoint;
import java.util.List;

/**
 * Ignore masks as one flag value, written as in the camera record: a JSON list of polygons, each a list of
 * {@code [x, y]} corners in fractions of the frame ({@code [[[0,0],[0.3,0],[0.3,0.2]]]}); empty for none. Ranges
 * are checked with the rest of the camera ({@link dev.vad.common.camera.CameraRules}); this only reads the numbers.
 */
final class IgnoreMaskText {

    static final String EXPECTED = "a JSON list of polygons of [x, y] corners, e.g. [[[0,0],[0.3,0],[0.3,0.2]]];"
            + " empty for none";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private IgnoreMaskText() {
    }

    /** @throws IllegalArgumentException saying what is not a list of polygons */
    static List<List<MaskPoint>> parse(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        try {
            List<List<MaskPoint>> masks = JSON.readValue(text, new TypeReference<>() { });
            if (masks == null || masks.stream().anyMatch(p -> p == null || p.contains(null))) {
                throw new IllegalArgumentException("null where a polygon or corner belongs");
            }
            return masks;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
