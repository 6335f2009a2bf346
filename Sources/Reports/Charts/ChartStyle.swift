import Foundation

/// Dash patterns that stay distinguishable in grey-scale print.
public enum LineDash {
    public static let solid: [Double]? = nil
    public static let dashed: [Double] = [7, 4]
    public static let dotted: [Double] = [1.5, 3.5]
    public static let dashDot: [Double] = [10, 3, 2, 3]
    public static let longDash: [Double] = [14, 5]
}

/// Marker shapes for points.
public enum MarkerShape: Sendable, Equatable {
    case circle, diamond, square
}
