import Foundation
import ScenarioKit

/// Labels and cells shared by the module's tables.
enum TableText {
    static let shareUnit = "share"
    static let yi = "亿元"

    /// 国资 / state capital, …
    static func ownership(_ k: OwnershipClass) -> LocalizedText {
        switch k {
        case .state: return LocalizedText(zh: "国资", en: "state")
        case .foreign: return LocalizedText(zh: "外资", en: "foreign")
        case .private: return LocalizedText(zh: "民资", en: "private")
        }
    }

    static let total = LocalizedText(zh: "合计", en: "total")

    /// `.number(v)`, or `.empty` for NaN / infinity.
    static func number(_ v: Double) -> ResultCell { v.isFinite ? .number(v) : .empty }

    /// "2021–2025" (or "" without years).
    static func span(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    /// A number for notes: up to 4 decimals, no trailing zeros.
    static func format(_ v: Double, decimals: Int = 4) -> String {
        guard v.isFinite else { return "—" }
        var s = String(format: "%.\(decimals)f", v)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// "国资 0.6 / 外资 0 / 民资 0.4" and "state 0.6 / foreign 0 / private 0.4".
    static func shares(_ s: OwnershipShares) -> LocalizedText {
        LocalizedText(
            zh: OwnershipClass.allCases.map { "\(ownership($0).zh) \(format(s[$0]))" }.joined(separator: " / "),
            en: OwnershipClass.allCases.map { "\(ownership($0).en) \(format(s[$0]))" }.joined(separator: " / "))
    }
}
