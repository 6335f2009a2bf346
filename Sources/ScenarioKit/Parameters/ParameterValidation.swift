import Foundation

extension ParameterSpec {
    /// Check `raw` against this spec: type, bounds (each element of lists and maps), allowed values
    /// (texts, text lists, and the keys of a number map).
    /// - Parameter keyPath: where the value stands, relative to the module's `with:` block
    ///   (default: the parameter's name); errors name it and extend it (`shares[2]`, `amounts.x`).
    /// - Throws: `ParameterError` naming the key path and what was expected.
    public func validate(_ raw: RawParameter, keyPath: String? = nil) throws(ParameterError) -> ParameterValue {
        let path = keyPath ?? name
        switch type {
        case .number: return .number(try number(raw, path))
        case .integer: return .integer(try integer(raw, path))
        case .text: return .text(try text(raw, path))
        case .boolean: return .boolean(try Self.boolean(raw, path))
        case .numberList:
            return .numberList(try Self.items(raw, path, "a list of numbers").enumerated().map { (i, item) throws(ParameterError) in
                try number(item, "\(path)[\(i)]")
            })
        case .textList:
            return .textList(try Self.items(raw, path, "a list of texts").enumerated().map { (i, item) throws(ParameterError) in
                try text(item, "\(path)[\(i)]")
            })
        case .numberMap:
            guard case let .map(entries) = raw else {
                throw ParameterError(keyPath: path, message: "expected a mapping of numbers (key: number), got \(raw.shortDescription)")
            }
            var out: [String: Double] = [:]
            for e in entries {
                let itemPath = "\(path).\(e.key)"
                if let allowed = allowedValues, !allowed.contains(e.key) {
                    throw ParameterError(
                        keyPath: itemPath,
                        message: "unknown key\(Suggestion.hint(e.key, allowed)); expected one of: \(allowed.joined(separator: ", "))",
                        isAboutKey: true)
                }
                out[e.key] = try number(e.value, itemPath)
            }
            return .numberMap(out)
        }
    }

    /// The scalar text of `raw`, or an error naming what was expected.
    private static func scalar(_ raw: RawParameter, _ path: String, _ expected: String) throws(ParameterError) -> String {
        guard case let .scalar(s) = raw else {
            throw ParameterError(keyPath: path, message: "expected \(expected), got \(raw.shortDescription)")
        }
        var t = Substring(s)
        while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" { t.removeLast() }
        return String(t)
    }

    private static func items(_ raw: RawParameter, _ path: String, _ expected: String) throws(ParameterError) -> [RawParameter] {
        guard case let .list(items) = raw else {
            throw ParameterError(keyPath: path, message: "expected \(expected), got \(raw.shortDescription)")
        }
        return items
    }

    private func number(_ raw: RawParameter, _ path: String) throws(ParameterError) -> Double {
        let s = try Self.scalar(raw, path, "a number")
        guard let v = Double(s.replacingOccurrences(of: "_", with: "")), v.isFinite else {
            throw ParameterError(keyPath: path, message: "expected a number, got \(raw.shortDescription)")
        }
        try checkBounds(v, path, whole: false)
        return v
    }

    private func integer(_ raw: RawParameter, _ path: String) throws(ParameterError) -> Int {
        let s = try Self.scalar(raw, path, "a whole number")
        guard let v = Int(s.replacingOccurrences(of: "_", with: "")) else {
            throw ParameterError(keyPath: path, message: "expected a whole number, got \(raw.shortDescription)")
        }
        try checkBounds(Double(v), path, whole: true)
        return v
    }

    private func text(_ raw: RawParameter, _ path: String) throws(ParameterError) -> String {
        let s = try Self.scalar(raw, path, "a text value")
        if let allowed = allowedValues, !allowed.contains(s) {
            throw ParameterError(
                keyPath: path,
                message: "unknown value \"\(s)\"\(Suggestion.hint(s, allowed)); expected one of: \(allowed.joined(separator: ", "))")
        }
        return s
    }

    private static func boolean(_ raw: RawParameter, _ path: String) throws(ParameterError) -> Bool {
        switch try scalar(raw, path, "true or false").lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw ParameterError(keyPath: path, message: "expected true or false, got \(raw.shortDescription)")
        }
    }

    private func checkBounds(_ v: Double, _ path: String, whole: Bool) throws(ParameterError) {
        if (minimum.map { v < $0 } ?? false) || (maximum.map { v > $0 } ?? false) {
            let kind = whole ? "a whole number" : "a number"
            throw ParameterError(keyPath: path, message: "expected \(kind) \(boundsText), got \(Self.format(v))")
        }
    }

    /// `from 0 to 100`, `≥ 0`, `≤ 1`, or empty when unbounded.
    /// The bounds in both languages: "from 0 to 1" / "0 至 1", "≥ 0", "≤ 1".
    public var boundsDescription: LocalizedText {
        switch (minimum, maximum) {
        case let (lo?, hi?): return LocalizedText(zh: "\(Self.format(lo)) 至 \(Self.format(hi))", en: "from \(Self.format(lo)) to \(Self.format(hi))")
        default: return LocalizedText(boundsText)
        }
    }

    /// The bounds in English: "from 0 to 1", "≥ 0", "≤ 1" (empty without bounds).
    public var boundsText: String {
        switch (minimum, maximum) {
        case let (lo?, hi?): return "from \(Self.format(lo)) to \(Self.format(hi))"
        case let (lo?, nil): return "≥ \(Self.format(lo))"
        case let (nil, hi?): return "≤ \(Self.format(hi))"
        case (nil, nil): return ""
        }
    }

    /// Whole numbers without a decimal point, others in Swift's shortest form.
    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}

extension ModuleDescriptor {
    /// Validate a module use's `with:` block (nil: none written) against the schema: unknown keys
    /// (with a suggestion), types, bounds and allowed values, required keys; defaults are filled in.
    /// - Throws: the first `ParameterError`, with the key path relative to the block.
    public func validate(_ raw: RawParameter?) throws(ParameterError) -> ModuleParameters {
        var entries: [RawParameterEntry] = []
        switch raw {
        case nil: break
        case let .map(e)?: entries = e
        case .scalar("")?: break  // `with:` with nothing after it
        case let other?:
            throw ParameterError(
                keyPath: "", message: "expected a mapping of parameters (name: value), got \(other.shortDescription)")
        }
        let names = parameters.map(\.name)
        var values: [String: ParameterValue] = [:]
        for e in entries {
            guard let spec = parameters.first(where: { $0.name == e.key }) else {
                let list = names.isEmpty ? "it takes no parameters" : "it takes: \(names.joined(separator: ", "))"
                throw ParameterError(
                    keyPath: e.key, message: "unknown parameter of module \(id)\(Suggestion.hint(e.key, names)); \(list)",
                    isAboutKey: true)
            }
            values[e.key] = try spec.validate(e.value)
        }
        for spec in parameters where values[spec.name] == nil {
            guard let d = spec.defaultValue else {
                throw ParameterError(
                    keyPath: spec.name,
                    message: "missing required parameter \"\(spec.name)\" of module \(id) (\(spec.type.rawValue)\(spec.unit.map { ", \($0)" } ?? ""): \(spec.help.en))")
            }
            values[spec.name] = d
        }
        return ModuleParameters(values: values)
    }

    /// Problems with the schema itself (for module authors' tests): empty or duplicate names,
    /// defaults of the wrong type or outside the bounds, minimum above maximum.
    public func schemaProblems() -> [String] {
        var problems: [String] = []
        if id.isEmpty || id.contains(where: { !($0.isLowercase || $0.isNumber || $0 == "-") }) {
            problems.append("id \"\(id)\" must be lowercase letters, digits and dashes")
        }
        var seen = Set<String>()
        for spec in parameters {
            if spec.name.isEmpty { problems.append("a parameter has an empty name") }
            if !seen.insert(spec.name).inserted { problems.append("parameter \(spec.name) is declared twice") }
            if let lo = spec.minimum, let hi = spec.maximum, lo > hi {
                problems.append("parameter \(spec.name): minimum \(lo) > maximum \(hi)")
            }
            if let d = spec.defaultValue {
                do {
                    let checked = try spec.validate(RawParameter(d))
                    if checked != d {
                        problems.append("parameter \(spec.name): default \(d) is not of type \(spec.type.rawValue)")
                    }
                } catch {
                    problems.append("parameter \(spec.name): default does not pass its own checks: \(error.message)")
                }
            }
        }
        return problems
    }
}
