import CRsvg
import Foundation

/// SVG to PNG with librsvg and cairo (the library GNOME uses to draw SVG): the same charts the
/// briefings write as SVG, as pictures for documents that cannot hold SVG (the Word briefing).
/// librsvg is loaded the first time a chart is drawn (`CRsvg`), not when `binhai` starts.
public enum SVGRasterizer {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The PNG of `svg` at `scale` × its intrinsic size (in pixels), on a white background;
    /// returns the bytes and the pixel size.
    /// - Throws: `Failure` when librsvg is not installed, the SVG cannot be read or has no size in
    ///   pixels, or cairo cannot draw or write the image.
    public static func png(_ svg: String, scale: Double = 2) throws -> (data: Data, width: Int, height: Int) {
        let bytes = Array(svg.utf8)
        guard !bytes.isEmpty else { throw Failure(description: "librsvg could not read the SVG: it is empty") }
        final class Sink { var data = Data() }
        let sink = Sink()
        var width: Int32 = 0, height: Int32 = 0
        let capacity = 512
        var message = [CChar](repeating: 0, count: capacity)
        let code = bytes.withUnsafeBufferPointer { svgBytes in
            svgBytes.withMemoryRebound(to: CChar.self) { text in
                message.withUnsafeMutableBufferPointer { m in
                    binhai_rsvg_png(
                        text.baseAddress, text.count, scale, &width, &height,
                        { context, data, length in
                            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                            if let data { sink.data.append(data, count: Int(length)) }
                            return 0
                        }, Unmanaged.passUnretained(sink).toOpaque(), m.baseAddress, capacity)
                }
            }
        }
        guard code == 0 else {
            throw Failure(description: message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        return (sink.data, Int(width), Int(height))
    }
}
