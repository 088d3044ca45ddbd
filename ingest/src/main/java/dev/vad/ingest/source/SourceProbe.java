package dev.vad.ingest.source;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * What a source is, at its own size: container, codec, size, frame rate, length, and its first frame as a picture.
 * The first thing anyone checks with a new camera URL or file, before choosing how ingest scales it.
 */
public final class SourceProbe {

    /**
     * @param source         the source as messages show it (passwords masked)
     * @param durationMicros the length of a file, or 0 when the source does not know it (live streams)
     * @param frames         the number of frames of a file as its container states it, or 0 when unknown
     * @param firstFrame     the first decoded frame at the source's own size
     */
    public record Report(String source, String container, String codec, String pixelFormat, int width, int height,
                         double fps, long durationMicros, long frames, BufferedImage firstFrame) {
    }

    private SourceProbe() {
    }

    /** Opens the source as ingest would (same timeouts and transport), decodes one frame and closes it. */
    public static Report probe(SourceUri uri, FfmpegOptions options) throws SourceException {
        if (uri.kind() == SourceKind.SYNTHETIC) {
            throw new SourceException("the synthetic scene has no format of its own to probe: it is drawn at the size"
                    + " ingest is given (--width, --height, --colour)");
        }
        FfmpegSource.checkExists(uri);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(FfmpegSource.location(uri))) {
            options.applyTo(grabber, uri.kind());
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new SourceException("cannot probe " + uri.shown() + ": it ended before its first frame");
            }
            BufferedImage first = picture(frame);
            String pixelFormat = nativePixelFormat(grabber.getFormatContext());
            return new Report(uri.shown(), grabber.getFormat(), grabber.getVideoCodecName(), pixelFormat,
                    grabber.getImageWidth(), grabber.getImageHeight(), grabber.getFrameRate(),
                    Math.max(0, grabber.getLengthInTime()), Math.max(0, grabber.getLengthInFrames()), first);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new SourceException("cannot probe " + uri.shown() + ": " + FfmpegSource.oneLine(e), e);
        }
    }

    /** The pixel format the video stream is coded in (the grabber's own format is what it converts to). */
    private static String nativePixelFormat(AVFormatContext context) {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVCodecParameters parameters = context.streams(i).codecpar();
            if (parameters.codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                BytePointer name = avutil.av_get_pix_fmt_name(parameters.format());
                return name == null || name.isNull() ? "unknown pixel format" : name.getString();
            }
        }
        return "unknown pixel format";
    }

    /**
     * A BGR frame as a picture, row by row: FFmpeg pads rows to its alignment, so a row's bytes start every
     * {@code imageStride}, which is not always width times three.
     */
    private static BufferedImage picture(Frame frame) {
        BufferedImage picture = new BufferedImage(frame.imageWidth, frame.imageHeight, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
        ByteBuffer rows = (ByteBuffer) frame.image[0];
        int rowBytes = frame.imageWidth * 3;
        for (int y = 0; y < frame.imageHeight; y++) {
            rows.get(y * frame.imageStride, pixels, y * rowBytes, rowBytes);
        }
        return picture;
    }
}
