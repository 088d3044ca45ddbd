package dev.vad.scorer.evidence;

import dev.vad.common.wire.PixelFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * An MP4 clip written frame by frame with JavaCV's FFmpeg recorder: H.264 by the bundled OpenH264 encoder, or
 * MPEG-4 part 2 where that does not start. It is written under a {@code .part} name and moved to its own name
 * when finished, so a file under its own name is always complete. Frames of odd width or height are scaled by one
 * pixel to even ones, which H.264 in YUV 4:2:0 needs.
 */
final class ClipWriter implements AutoCloseable {

    /** Encoder names tried in turn. */
    static final String[] ENCODERS = {"libopenh264", "mpeg4"};

    private final Path file;
    private final Path part;
    private final FFmpegFrameRecorder recorder;
    private final int width;
    private final int height;
    private final PixelFormat format;
    private final ByteBuffer buffer;
    private final String encoder;
    private int frames;
    private boolean done;

    private ClipWriter(Path file, Path part, FFmpegFrameRecorder recorder, String encoder, int width, int height,
                       PixelFormat format) {
        this.file = file;
        this.part = part;
        this.recorder = recorder;
        this.encoder = encoder;
        this.width = width;
        this.height = height;
        this.format = format;
        this.buffer = ByteBuffer.allocateDirect(width * height * format.channels());
    }

    /**
     * Starts a clip of frames of the given size and layout at {@code framesPerSecond}.
     *
     * @throws UncheckedIOException when no encoder starts
     */
    static ClipWriter start(Path file, int width, int height, PixelFormat format, double framesPerSecond) {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Path part = file.resolveSibling(file.getFileName() + ".part");
        FrameRecorder.Exception last = null;
        for (String encoder : ENCODERS) {
            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(part.toFile(), width + (width & 1),
                    height + (height & 1), 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodecName(encoder);
            if (encoder.equals("mpeg4")) {
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            }
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(framesPerSecond);
            recorder.setGopSize((int) Math.max(1, Math.round(framesPerSecond)));
            recorder.setVideoBitrate((int) Math.max(200_000, Math.min(8_000_000, width * height * framesPerSecond)));
            try {
                recorder.start();
                return new ClipWriter(file, part, recorder, encoder, width, height, format);
            } catch (FrameRecorder.Exception e) {
                last = e;
                release(recorder);
            }
        }
        throw new UncheckedIOException(new IOException("cannot start an MP4 clip at " + part + " with "
                + String.join(" or ", ENCODERS) + ": " + (last == null ? "" : last.getMessage()), last));
    }

    /** Appends one frame: {@code width x height x channels} bytes of {@code pixels} from {@code offset}. */
    void write(byte[] pixels, int offset) {
        buffer.clear();
        buffer.put(pixels, offset, buffer.capacity()).flip();
        try {
            recorder.recordImage(width, height, Frame.DEPTH_UBYTE, format.channels(), width * format.channels(),
                    pixelFormat(format), buffer);
            frames++;
        } catch (FrameRecorder.Exception e) {
            throw new UncheckedIOException(new IOException("cannot encode a frame into " + part + ": "
                    + e.getMessage(), e));
        }
    }

    /** Frames written so far. */
    int frames() {
        return frames;
    }

    /** The encoder in use. */
    String encoder() {
        return encoder;
    }

    /** Ends the clip and gives it its own name; a clip without frames is deleted instead. Returns its path. */
    Path finish() {
        if (done) {
            return file;
        }
        done = true;
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new UncheckedIOException(new IOException("cannot finish " + part + ": " + e.getMessage(), e));
        } finally {
            release(recorder);
        }
        try {
            if (frames == 0) {
                Files.deleteIfExists(part);
                return null;
            }
            return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finishes the clip when it is not finished yet. */
    @Override
    public void close() {
        finish();
    }

    private static int pixelFormat(PixelFormat format) {
        return switch (format) {
            case GRAY8 -> avutil.AV_PIX_FMT_GRAY8;
            case RGB24 -> avutil.AV_PIX_FMT_RGB24;
            case BGR24 -> avutil.AV_PIX_FMT_BGR24;
        };
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            // Nothing more can be done with a recorder that cannot even be released.
        }
    }
}
