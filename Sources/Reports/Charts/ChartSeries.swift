import Foundation

/// A line through data points (for a bar chart, x is the category index 0, 1, …).
public struct ChartLine: Sendable, Equatable {
    /// Stable identifier, written as `data-key` on the drawn element.
    public var key: String
    /// Legend text.
    public var name: String
    public var points: [ChartPoint]
    public var color: String
    public var width: Double
    public var dash: [Double]?
    /// Small circles at the points.
    public var markers: Bool
    /// Text placed right of the plot at the height of the last point (e.g. its value).
    public var endLabel: String?
    public var inLegend: Bool

    public init(
        key: String, name: String, points: [ChartPoint], color: String, width: Double = 2, dash: [Double]? = nil,
        markers: Bool = false, endLabel: String? = nil, inLegend: Bool = true
    ) {
        self.key = key
        self.name = name
        self.points = points
        self.color = color
        self.width = width
        self.dash = dash
        self.markers = markers
        self.endLabel = endLabel
        self.inLegend = inLegend
    }
}

/// A shaded band between a lower and an upper value at each x.
public struct ChartBand: Sendable, Equatable {
    public var key: String
    public var name: String
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: String
    public var opacity: Double
    public var inLegend: Bool

    public init(
        key: String, name: String, x: [Double], lower: [Double], upper: [Double], color: String, opacity: Double = 0.25,
        inLegend: Bool = true
    ) {
        self.key = key
        self.name = name
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
        self.opacity = opacity
        self.inLegend = inLegend
    }
}

/// A horizontal reference line across the plot (a target, a threshold).
public struct ChartRule: Sendable, Equatable {
    public var key: String
    public var name: String
    public var y: Double
    public var color: String
    public var width: Double
    public var dash: [Double]?
    /// Text right of the plot at the rule's height.
    public var label: String?
    public var inLegend: Bool

    public init(
        key: String, name: String, y: Double, color: String, width: Double = 1.5, dash: [Double]? = nil,
        label: String? = nil, inLegend: Bool = true
    ) {
        self.key = key
        self.name = name
        self.y = y
        self.color = color
        self.width = width
        self.dash = dash
        self.label = label
        self.inLegend = inLegend
    }
}

/// One marked point, optionally labelled next to it.
public struct ChartMarker: Sendable, Equatable {
    public enum LabelPlacement: Sendable, Equatable { case right, belowRight, aboveRight, left, aboveLeft }
    public var key: String
    public var name: String
    public var point: ChartPoint
    public var color: String
    public var shape: MarkerShape
    public var radius: Double
    public var label: String?
    public var labelPlacement: LabelPlacement
    public var inLegend: Bool

    public init(
        key: String, name: String, point: ChartPoint, color: String, shape: MarkerShape = .circle, radius: Double = 4,
        label: String? = nil, labelPlacement: LabelPlacement = .belowRight, inLegend: Bool = false
    ) {
        self.key = key
        self.name = name
        self.point = point
        self.color = color
        self.shape = shape
        self.radius = radius
        self.label = label
        self.labelPlacement = labelPlacement
        self.inLegend = inLegend
    }
}
