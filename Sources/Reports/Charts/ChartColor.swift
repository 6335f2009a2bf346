import Foundation

/// Colour helpers for `#rrggbb` colours.
public enum ChartColor {
    /// `color` darkened until text in it is readable on white (relative luminance ≤ 0.2, a contrast
    /// ratio of at least 4.2:1); other colour syntaxes are returned unchanged.
    public static func readable(_ color: String) -> String {
        guard var rgb = components(color) else { return color }
        var steps = 0
        while luminance(rgb) > 0.2 && steps < 20 {
            rgb = rgb.map { $0 * 0.9 }
            steps += 1
        }
        return hex(rgb)
    }

    /// WCAG relative luminance of an sRGB colour with components 0…1.
    public static func luminance(_ rgb: [Double]) -> Double {
        let lin = rgb.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    }

    static func components(_ color: String) -> [Double]? {
        guard color.hasPrefix("#"), color.count == 7, let v = UInt32(color.dropFirst(), radix: 16) else { return nil }
        return [Double((v >> 16) & 0xFF) / 255, Double((v >> 8) & 0xFF) / 255, Double(v & 0xFF) / 255]
    }

    static func hex(_ rgb: [Double]) -> String {
        "#" + rgb.map { String(format: "%02x", Int(($0 * 255).rounded()).clamped(0, 255)) }.joined()
    }
}

extension Int {
    fileprivate func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.min(hi, Swift.max(lo, self)) }
}
