package dev.vad.common.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * JSON codec of a record that carries a {@code schema_version} field. Decoding checks the version before binding,
 * so a newer record fails with "unknown version N, this build reads up to M" rather than a binding error; a record
 * of an older version is brought up to the current record's fields (what it lacks is null) before binding.
 */
public final class JsonCodec<T> implements WireCodec<T> {

    static final String VERSION_FIELD = "schema_version";

    private final Class<T> type;
    private final String typeName;
    private final int highestKnownVersion;
    private final int maxBytes;
    private final BiConsumer<Integer, ObjectNode> upgrade;

    JsonCodec(Class<T> type, String typeName, int highestKnownVersion, int maxBytes) {
        this(type, typeName, highestKnownVersion, maxBytes, (version, tree) -> { });
    }

    /**
     * @param upgrade fills in, on the parsed tree of a record of the given version, the fields its version lacks
     */
    JsonCodec(Class<T> type, String typeName, int highestKnownVersion, int maxBytes,
              BiConsumer<Integer, ObjectNode> upgrade) {
        this.type = type;
        this.typeName = typeName;
        this.highestKnownVersion = highestKnownVersion;
        this.maxBytes = maxBytes;
        this.upgrade = upgrade;
    }

    /** Codec of {@code vad.scores} records. */
    public static JsonCodec<ScoreRecord> scores(WireLimits limits) {
        return new JsonCodec<>(ScoreRecord.class, "score", ScoreRecord.SCHEMA_VERSION, limits.maxRecordBytes());
    }

    /** Codec of {@code vad.events} records. */
    public static JsonCodec<AnomalyEvent> events(WireLimits limits) {
        return new JsonCodec<>(AnomalyEvent.class, "anomaly event", AnomalyEvent.SCHEMA_VERSION,
                limits.maxRecordBytes(), JsonCodec::upgradeEvent);
    }

    /** Codec of {@code vad.cameras} records. */
    public static JsonCodec<Camera> cameras(WireLimits limits) {
        return new JsonCodec<>(Camera.class, "camera", Camera.SCHEMA_VERSION, limits.maxRecordBytes(),
                JsonCodec::upgradeCamera);
    }

    /** A camera's optional fields may be left out: no fps, preset or threshold, no ignore masks, enabled. */
    private static void upgradeCamera(int version, ObjectNode tree) {
        for (String field : new String[] {"fps", "preset", "threshold"}) {
            if (!tree.has(field)) {
                tree.putNull(field);
            }
        }
        if (!tree.has("ignore_masks") || tree.get("ignore_masks").isNull()) {
            tree.putArray("ignore_masks");
        }
        if (!tree.has("enabled")) {
            tree.put("enabled", true);
        }
    }

    /**
     * Version 1 has no evidence (a field of that name in it is not read); in version 2 the evidence and each of its
     * paths may be left out, as the encoder does when there is none.
     */
    private static void upgradeEvent(int version, ObjectNode tree) {
        JsonNode evidence = tree.get("evidence");
        if (version < AnomalyEvent.EVIDENCE_VERSION || evidence == null || evidence.isNull()) {
            tree.putNull("evidence");
        } else if (evidence instanceof ObjectNode paths) {
            for (String path : new String[] {"snapshot", "clip"}) {
                if (!paths.has(path)) {
                    paths.putNull(path);
                }
            }
        }
    }

    @Override
    public byte[] encode(T value) {
        try {
            return WireJson.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("cannot write " + typeName + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new WireFormatException("empty " + typeName + " record: expected a JSON object");
        }
        if (bytes.length > maxBytes) {
            throw new WireFormatException(typeName + " record of " + bytes.length
                    + " bytes is larger than the cap of " + maxBytes + " bytes");
        }
        JsonNode tree = parse(bytes);
        JsonNode version = tree.get(VERSION_FIELD);
        if (version == null || !version.canConvertToInt()) {
            throw new WireFormatException(typeName + " record has no integer " + VERSION_FIELD + " field, found "
                    + (version == null ? "none" : version.toString()));
        }
        int found = version.intValue();
        if (found < 1 || found > highestKnownVersion) {
            throw new WireFormatException("unknown " + typeName + " version " + found
                    + ", this build reads up to " + highestKnownVersion);
        }
        upgrade.accept(found, (ObjectNode) tree);
        try {
            return WireJson.MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WireFormatException("malformed " + typeName + " record: " + message(e), e);
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode tree = WireJson.MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new WireFormatException("not a " + typeName + " record: expected a JSON object, found "
                        + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()));
            }
            return tree;
        } catch (IOException e) {
            throw new WireFormatException("not a " + typeName + " record: malformed or truncated JSON ("
                    + message(e) + ")", e);
        }
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
