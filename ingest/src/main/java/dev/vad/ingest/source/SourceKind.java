package dev.vad.ingest.source;

/** What kind of thing a source URI names, and whether it is live (wall-clock timestamps, reconnects). */
public enum SourceKind {
    FILE(false),
    FOLDER(false),
    HTTP(true),
    TCP(true),
    UDP(true),
    RTSP(true),
    V4L2(true),
    SYNTHETIC(false);

    private final boolean live;

    SourceKind(boolean live) {
        this.live = live;
    }

    /** Live sources are paced by the world, stamped with the wall clock, and reconnected when they drop. */
    public boolean live() {
        return live;
    }
}
