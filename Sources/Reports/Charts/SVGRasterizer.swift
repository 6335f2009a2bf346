import CRsvg
import Foundation

/// SVG to PNG with librsvg and cairo (the library GNOME uses to draw SVG): the same charts the
/// briefings write as SVG, as pictures for documents that cannot hold SVG (the Word briefing).
public enum SVGRasterizer {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The PNG of `svg` at `scale` × its intrinsic size (in pixels), on a white background;
    /// returns the bytes and the pixel size.
    public static func png(_ svg: String, scale: Double = 2) throws -> (data: Data, width: Int, height: Int) {
        let bytes = Array(svg.utf8)
        var error: UnsafeMutablePointer<GError>?
        guard let handle = bytes.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }) else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw Failure(description: "librsvg could not read the SVG: \(message)")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        var w = 0.0, h = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) == 0 || !(w > 0 && h > 0) {
            throw Failure(description: "the SVG has no size in pixels (width and height in px are needed)")
        }
        let width = Int((w * scale).rounded(.up)), height = Int((h * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw Failure(description: "cairo could not make a \(width)×\(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw Failure(description: "cairo could not draw") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        var viewport = RsvgRectangle(x: 0, y: 0, width: Double(width), height: Double(height))
        if rsvg_handle_render_document(handle, cr, &viewport, &error) == 0 {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw Failure(description: "librsvg could not draw the SVG: \(message)")
        }
        cairo_surface_flush(surface)
        final class Sink { var data = Data() }
        let sink = Sink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
            if let data { sink.data.append(data, count: Int(length)) }
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw Failure(description: "cairo could not write the PNG (status \(status.rawValue))") }
        return (sink.data, width, height)
    }
}
