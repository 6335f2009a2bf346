import Foundation

/// A legend entry: a symbol and its text.
public struct LegendEntry: Sendable, Equatable {
    public enum Symbol: Sendable, Equatable {
        case line(color: String, width: Double, dash: [Double]?, markers: Bool)
        case band(color: String, opacity: Double)
        case bar(color: String)
        case marker(color: String, shape: MarkerShape)
    }
    public var name: String
    public var symbol: Symbol
    public init(name: String, symbol: Symbol) {
        self.name = name
        self.symbol = symbol
    }
}
