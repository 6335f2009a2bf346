import Vocabulary
import Foundation

extension YAMLValue {
    /// A number, or `xK` meaning K × `current` (the value before this file or override set it).
    /// - Throws: at this value when it is not a number or lies outside `range`.
    public func number(current: Double, in range: ClosedRange<Double> = -.greatestFiniteMagnitude...(.greatestFiniteMagnitude)) throws -> Double {
        let v: Double
        if let k = ParameterOverride.factor(of: node) {
            v = current * k
        } else {
            v = try double()
        }
        guard range.contains(v) else {
            let lo = range.lowerBound == -.greatestFiniteMagnitude ? "−∞" : YAMLValue.format(range.lowerBound)
            let hi = range.upperBound == .greatestFiniteMagnitude ? "∞" : YAMLValue.format(range.upperBound)
            throw error("expected a number from \(lo) to \(hi), got \(YAMLValue.format(v))")
        }
        return v
    }

    /// A probability in [0, 1] (or `xK` of the current one).
    public func probability(current: Double = 0) throws -> Double {
        try number(current: current, in: 0...1)
    }

    /// A list of numbers.
    public func numbers(in range: ClosedRange<Double> = -.greatestFiniteMagnitude...(.greatestFiniteMagnitude)) throws -> [Double] {
        try sequence().map { try $0.number(current: 0, in: range) }
    }

    /// A mapping from years to numbers, e.g. `{2021: 1.1, 2022: 1.2}`.
    public func yearMap(in range: ClosedRange<Double>, years: ClosedRange<Int> = 1900...2200) throws -> [Int: Double] {
        let map = try mapping()
        var out: [Int: Double] = [:]
        for entry in map.entries {
            guard let year = Int(entry.key), years.contains(year) else {
                throw YAMLValue(node: entry.keyNode, keyPath: entry.value.keyPath, file: file)
                    .error("expected a year from \(years.lowerBound) to \(years.upperBound) as the key, got \"\(entry.key)\"")
            }
            out[year] = try entry.value.number(current: 1, in: range)
        }
        return out
    }

    /// A name given either as text (used for both languages) or as `{zh: …, en: …}`.
    public func localizedText() throws -> LocalizedText {
        if case .scalar = node { return LocalizedText(try string()) }
        let m = try mapping(allowedKeys: ["zh", "en"])
        let zh = try m.optional("zh")?.string()
        let en = try m.optional("en")?.string()
        guard let any = zh ?? en else { throw error("expected a name: text or {zh: …, en: …}") }
        return LocalizedText(zh: zh ?? any, en: en ?? any)
    }

    /// A random seed: a whole number from 0 to 18446744073709551615 (UInt64).
    public func seed() throws -> UInt64 {
        let text = try scalarText(expected: "a whole number from 0 to \(UInt64.max)")
        guard let v = UInt64(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) else {
            throw error("expected a whole number from 0 to \(UInt64.max), got \(shortDescription)")
        }
        return v
    }
}
