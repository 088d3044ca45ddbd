package dev.vad.ingest.source;

import java.time.Duration;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * How FFmpeg opens sources.
 *
 * @param folderFps     frame rate given to image folders (and to sources that declare none)
 * @param ioTimeout     how long a network read or connect may block before the stream counts as dropped
 * @param rtspTransport {@code tcp} or {@code udp} for RTSP
 */
public record FfmpegOptions(double folderFps, Duration ioTimeout, String rtspTransport) {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    public FfmpegOptions {
        if (!(folderFps > 0)) {
            throw new IllegalArgumentException("folder frame rate must be > 0, found " + folderFps);
        }
        if (!"tcp".equals(rtspTransport) && !"udp".equals(rtspTransport)) {
            throw new IllegalArgumentException("RTSP transport must be tcp or udp, found " + rtspTransport);
        }
    }

    void applyTo(FFmpegFrameGrabber grabber, SourceKind kind) {
        String timeoutMicros = Long.toString(ioTimeout.toNanos() / 1000);
        switch (kind) {
            case FOLDER -> {
                grabber.setFormat("image2");
                grabber.setOption("pattern_type", "glob");
                grabber.setFrameRate(folderFps);
            }
            case HTTP, TCP, UDP -> {
                grabber.setOption("rw_timeout", timeoutMicros);
                grabber.setOption("timeout", timeoutMicros);
            }
            case RTSP -> {
                grabber.setOption("rtsp_transport", rtspTransport);
                grabber.setOption("timeout", timeoutMicros);
            }
            case V4L2 -> grabber.setFormat("video4linux2");
            default -> {
            }
        }
    }
}
