package dev.vad.ingest;

import dev.vad.ingest.source.DecodedFrame;
import dev.vad.ingest.source.FrameSource;
import dev.vad.ingest.source.SourceException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A source that plays a script, for testing the ingest loop's reactions: frames (one grey byte each), decode
 * errors, drops and refused connections. Real decoding is covered by the FFmpeg tests and the integration tests.
 */
final class ScriptedSource implements FrameSource {

    private final Deque<String> script = new ArrayDeque<>();
    private final double fps;
    private int refuseFrom;
    private int refuseUntil;
    private long frameCount;
    int opens;

    ScriptedSource(double fps, String... steps) {
        this.fps = fps;
        script.addAll(java.util.List.of(steps));
    }

    /** Opens number {@code fromOpen} (the first is 1) to {@code fromOpen + times - 1} are refused. */
    ScriptedSource refuse(int fromOpen, int times) {
        refuseFrom = fromOpen;
        refuseUntil = fromOpen + times - 1;
        return this;
    }

    @Override
    public void open() throws SourceException {
        opens++;
        frameCount = 0;
        if (opens >= refuseFrom && opens <= refuseUntil) {
            throw new SourceException("connection refused");
        }
    }

    @Override
    public DecodedFrame next() throws SourceException {
        String step = script.poll();
        if (step == null || step.equals("end")) {
            return null;
        }
        if (step.equals("error")) {
            throw new SourceException("corrupt packet");
        }
        long n = frameCount++;
        return new DecodedFrame(new byte[] {(byte) Integer.parseInt(step)}, Math.round(n * 1_000_000 / fps));
    }

    @Override
    public double frameRate() {
        return fps;
    }

    @Override
    public void close() {
    }
}
