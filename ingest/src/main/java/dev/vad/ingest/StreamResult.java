package dev.vad.ingest;

/**
 * How one stream's ingestion ended.
 *
 * @param streamId         the stream
 * @param framesDecoded    frames decoded
 * @param windowsPublished windows acknowledged by Kafka
 * @param failure          why it stopped early, or null when it ended normally (or was stopped)
 */
public record StreamResult(String streamId, long framesDecoded, long windowsPublished, String failure) {

    public boolean failed() {
        return failure != null;
    }
}
