package dev.vad.common.wire;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializers and deserializers of every wire message type, under one set of limits. */
public final class WireSerdes {

    private final WireLimits limits;

    public WireSerdes(WireLimits limits) {
        this.limits = limits;
    }

    public Serializer<FrameWindow> frameWindowSerializer() {
        return new CodecSerializer<>(new FrameWindowCodec(limits));
    }

    public Deserializer<FrameWindow> frameWindowDeserializer() {
        return new CodecDeserializer<>(new FrameWindowCodec(limits));
    }

    public Serializer<Reconstruction> reconstructionSerializer() {
        return new CodecSerializer<>(new ReconstructionCodec(limits));
    }

    public Deserializer<Reconstruction> reconstructionDeserializer() {
        return new CodecDeserializer<>(new ReconstructionCodec(limits));
    }

    public Serializer<ModelArtifact> modelSerializer() {
        return new CodecSerializer<>(new ModelArtifactCodec(limits));
    }

    public Deserializer<ModelArtifact> modelDeserializer() {
        return new CodecDeserializer<>(new ModelArtifactCodec(limits));
    }

    public Serializer<ScoreRecord> scoreSerializer() {
        return new CodecSerializer<>(JsonCodec.scores(limits));
    }

    public Deserializer<ScoreRecord> scoreDeserializer() {
        return new CodecDeserializer<>(JsonCodec.scores(limits));
    }

    public Serializer<AnomalyEvent> eventSerializer() {
        return new CodecSerializer<>(JsonCodec.events(limits));
    }

    public Deserializer<AnomalyEvent> eventDeserializer() {
        return new CodecDeserializer<>(JsonCodec.events(limits));
    }

    public Serializer<DeadLetter> deadLetterSerializer() {
        return new CodecSerializer<>(new DeadLetterCodec(limits));
    }

    public Deserializer<DeadLetter> deadLetterDeserializer() {
        return new CodecDeserializer<>(new DeadLetterCodec(limits));
    }
}
