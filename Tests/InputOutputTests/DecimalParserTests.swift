import Foundation
import Testing
@testable import InputOutput
import NumericTestSupport

import LibC

/// `DecimalParser` must give exactly `strtod`'s result (bits and end position) on every decimal
/// string the CSV reader hands it.
@Suite struct DecimalParserTests {
    /// Compares parser and `strtod` on the NUL-terminated bytes `s[0..<count]` (+ NUL); returns a
    /// description of the difference, or nil.
    static func mismatch(_ s: UnsafePointer<UInt8>) -> String? {
        var endPtr: UnsafeMutablePointer<CChar>? = nil
        let expected = UnsafeRawPointer(s).withMemoryRebound(to: CChar.self, capacity: 1) { cp in
            strtod(cp, &endPtr)
        }
        let expectedEnd = UnsafeRawPointer(endPtr!) - UnsafeRawPointer(s)
        let text = String(cString: UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self))
        // Both entry points: byte by byte, and eight digits at a time when the whole string
        // (with its NUL) is known to be readable.
        let bytewise = DecimalParser.parse(s)
        let wordwise = DecimalParser.parse(s, readableUpTo: s + strlen(UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self)) + 1)
        if bytewise?.value.bitPattern != wordwise?.value.bitPattern || bytewise?.end != wordwise?.end {
            return "\(text): eight-digit path \(String(describing: wordwise?.value)) differs from byte path \(String(describing: bytewise?.value))"
        }
        guard let (v, end) = bytewise else {
            return expectedEnd == 0 ? nil : "\(text): parser converted nothing, strtod \(expected) (end \(expectedEnd))"
        }
        let gotEnd = UnsafeRawPointer(end) - UnsafeRawPointer(s)
        if expectedEnd == 0 { return "\(text): strtod converted nothing, parser \(v)" }
        if v.bitPattern != expected.bitPattern || gotEnd != expectedEnd {
            return "\(text): parser \(v) (0x\(String(v.bitPattern, radix: 16)), end \(gotEnd)), "
                + "strtod \(expected) (0x\(String(expected.bitPattern, radix: 16)), end \(expectedEnd))"
        }
        return nil
    }

    static func mismatch(_ text: String) -> String? {
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { mismatch($0.baseAddress!) }
    }

    /// Runs `mismatch` on many strings, recording only the first few failures (one `#expect`
    /// per string would dominate the run time).
    struct Failures {
        var list: [String] = []
        var count = 0
        mutating func check(_ text: String) {
            if let m = DecimalParserTests.mismatch(text) {
                count += 1
                if list.count < 10 { list.append(m) }
            }
        }
        mutating func check(_ s: UnsafePointer<UInt8>) {
            if let m = DecimalParserTests.mismatch(s) {
                count += 1
                if list.count < 10 { list.append(m) }
            }
        }
        func verify(_ what: String) {
            #expect(count == 0, "\(what): \(count) mismatches, e.g. \(list.joined(separator: "; "))")
        }
    }

    /// A finite double with random bits (all exponents, subnormals included), or in the range
    /// of table values.
    static func randomDouble(_ g: inout SplitMix64) -> Double {
        switch g.next() % 4 {
        case 0, 1:
            while true {
                let x = Double(bitPattern: g.next())
                if x.isFinite { return x }
            }
        case 2: return Double.random(in: 0..<1e7, using: &g)
        default: return Double.random(in: -1..<1, using: &g) * pow(10, Double(Int.random(in: -12...12, using: &g)))
        }
    }

    // (a) Round trips of random doubles as `%.17g` and as Swift's shortest `description`.
    @Test func randomDoublesPrinted() {
        var g = SplitMix64(seed: 20_240_601)
        var failures = Failures()
        var buffer = [CChar](repeating: 0, count: 64)
        for _ in 0..<120_000 {
            let x = Self.randomDouble(&g)
            buffer.withUnsafeMutableBufferPointer { b in
                _ = withVaList([x]) { vsnprintf(b.baseAddress!, 64, "%.17g", $0) }
                UnsafeRawPointer(b.baseAddress!).withMemoryRebound(to: UInt8.self, capacity: 64) {
                    failures.check($0)
                }
            }
            failures.check(x.description)
            failures.check((-x).description)
        }
        failures.verify("random doubles")
    }

    // (b) Random decimal strings: 1–25 digits, optional point, exponents −350…+310.
    @Test func randomDecimalStrings() {
        var g = SplitMix64(seed: 7)
        var failures = Failures()
        var bytes = [UInt8](repeating: 0, count: 64)
        for _ in 0..<150_000 {
            var n = 0
            switch g.next() % 3 {
            case 0: bytes[n] = UInt8(ascii: "-"); n += 1
            case 1 where g.next() % 4 == 0: bytes[n] = UInt8(ascii: "+"); n += 1
            default: break
            }
            let digits = Int(g.next() % 25) + 1
            let point = Int(g.next() % UInt64(digits + 2)) - 1  // -1: no point
            let leadingZeros = g.next() % 5 == 0 ? Int(g.next() % 4) : 0
            for i in 0..<digits {
                if i == point { bytes[n] = UInt8(ascii: "."); n += 1 }
                let d: UInt64
                if i < leadingZeros { d = 0 } else if g.next() % 6 == 0 { d = 0 } else { d = g.next() % 10 }
                bytes[n] = UInt8(ascii: "0") + UInt8(d); n += 1
            }
            if point == digits { bytes[n] = UInt8(ascii: "."); n += 1 }
            if g.next() % 8 != 0 {
                let e = Int(g.next() % 661) - 350
                bytes[n] = g.next() % 2 == 0 ? UInt8(ascii: "e") : UInt8(ascii: "E"); n += 1
                if e < 0 { bytes[n] = UInt8(ascii: "-"); n += 1 } else if g.next() % 3 == 0 { bytes[n] = UInt8(ascii: "+"); n += 1 }
                for c in String(abs(e)).utf8 { bytes[n] = c; n += 1 }
            }
            bytes[n] = 0
            bytes.withUnsafeBufferPointer { failures.check($0.baseAddress!) }
        }
        failures.verify("random decimal strings")
    }

    // Eisel–Lemire itself (not only behind the fast path) against strtod, including small
    // mantissas that the fast path normally takes.
    @Test func eiselLemireDirect() {
        var g = SplitMix64(seed: 99)
        var failures: [String] = []
        for _ in 0..<50_000 {
            let w = g.next() >> (g.next() % 64)
            let q = Int(g.next() % 651) - 342
            guard w != 0, let v = DecimalParser.eiselLemire(w, q) else { continue }
            let s = "\(w)e\(q)"
            let expected = strtod(s, nil)
            if v.bitPattern != expected.bitPattern && failures.count < 10 { failures.append("\(s): \(v) vs \(expected)") }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    // (c) Hard cases.
    @Test func hardCases() {
        var cases = [
            "0", "-0", "+0", "0.0", "-0.0", "-0e10", "0e-999", "-0e999999999999999999999", "00000", ".0", "0.",
            "0.1", "0.2", "0.3", "-0.1", "1", "1.", ".5", "-.5", "+.5", "1.e5", "1e0", "1E+0", "1e-0",
            "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
            "9007199254740993.0000000000000000001", "9007199254740992.9999999999999999999",
            "18014398509481985", "18014398509481987",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
            "2.225073858507201136057409796709131975934819546351645648e-308",
            "4.9406564584124654e-324", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "1e-323", "3e-324", "1e-400", "-1e-400", "1e-342", "1e-343",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
            "1.797693134862315807e308", "1.7976931348623158079e308", "1.79769313486231580793728971405301e308",
            "1.8e308", "-1.8e308", "1e309", "1e308", "1e400", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
            "123456789012345678901234567890", "1.00000000000000000000000000001", "0.99999999999999999999999999999",
            "1000000000000000000000000000000e-30", "0.000000000000000000000000000000000001",
            "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e-93",
            "0.1000000000000000055511151231257827021181583404541015625",
            "0.1000000000000000055511151231257827021181583404541015624",
            "0.1000000000000000055511151231257827021181583404541015626",
            "7.2057594037927933e16", "7.2057594037927936e16", "1448997445238699", "3.0316e-320",
            "00000000000000000000000000001.5", "0000.00000000000000000000000000015",
            "1e", "1e+", "1e-", "1.5e", "1.5E-x", "1..2", "1.2.3", "12e3e4", "1e5.5", "5e00000000000000000000012",
            "1e100000000", "1e-100000000", "0.000001e100000000000000000000",
            "123.456e-67", "8.98846567431158e307", "4.35052e-16", "2.4e-3", "30e-3", "1234.5678901234567",
            "1.2345678901234567e-05", "0.12345678901234567", "123456.78901234567", "6.2831853071795862",
            // Eight-digit words with a neighbour of '0'…'9' ('/' = 0x2F, ':' = 0x3A) or a point inside.
            "12345678:1", "1234567/8", "0.1234567:", "0.12345678/9", "87654321.12345678e3", "1234567.8",
            "99999999999999999999.5", "0.00000000000000001234567890123", "1234567812345678123",
        ]
        for k in -25...25 { cases.append("1e\(k)"); cases.append("3e\(k)"); cases.append("9007199254740991e\(k)") }
        // Halfway cases between consecutive doubles: exact decimal expansions of the midpoints.
        var g = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let x = Double(bitPattern: g.next() % 0x7FE0_0000_0000_0000)
            let mid = Midpoint.midpointText(x)
            cases.append(mid)
        }
        var failures = Failures()
        for c in cases { failures.check(c); if !c.hasPrefix("-") { failures.check("-" + c) } }
        failures.verify("hard cases")
        #expect(DecimalParser.parse("-0").map { $0.value.sign } == .minus)
        #expect(DecimalParser.parse("9007199254740993").map(\.value) == 9007199254740992)
    }

    // (d) Strings that are not numbers at all.
    @Test func noNumber() {
        for s in ["", ".", "+", "-", "+.", "-.", "e5", ".e5", "+e5", "-.e1", "x", " 1", "+-1", "--1"] {
            #expect(DecimalParser.parse(s) == nil, "\(s)")
            // strtod skips leading white space; the reader never passes any.
            if !s.hasPrefix(" ") { #expect(Self.mismatch(s) == nil, "\(s)") }
        }
    }

    /// Cells through the reader: accepted values, and rejected cells with the same errors and
    /// locations as before the parser was replaced.
    @Test func readerCells() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("decimal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func read(_ cell: String) throws -> Result<Double, IOReadError> {
            let path = dir.appendingPathComponent("t.csv").path
            try "code,a,b\nr1,1,2\nr2,3,\(cell)\n".write(toFile: path, atomically: true, encoding: .utf8)
            do {
                let t = try NumericCSVReader.read(path: path)
                return .success(t.values[1, 1])
            } catch { return .failure(error) }
        }
        let accepted: [(String, Double)] = [
            ("1.5", 1.5), (" 1.5 ", 1.5), ("\t-2.25\t", -2.25), ("\"3.5\"", 3.5), ("+4", 4), ("1.e2", 100),
            (".5", 0.5), ("-0", -0.0), ("1E-2", 0.01), ("1e-400", 0), ("0.1", 0.1),
            ("1.2345678901234567e-05", 1.2345678901234567e-05), ("9007199254740993", 9007199254740992),
            ("1.7976931348623157e308", .greatestFiniteMagnitude), ("4.9406564584124654e-324", .leastNonzeroMagnitude),
        ]
        for (cell, value) in accepted {
            let r = try read(cell)
            guard case let .success(v) = r else { Issue.record("\(cell): \(r)"); continue }
            #expect(v.bitPattern == value.bitPattern, "\(cell)")
        }
        let path = dir.appendingPathComponent("t.csv").path
        let loc = FileLocation(file: path, line: 3, column: 3, columnLabel: "b")
        let rejected: [(String, IOReadError)] = [
            ("0x1p3", .nonNumericCell(loc, cell: "0x1p3")), ("-0X10", .nonNumericCell(loc, cell: "-0X10")),
            ("1.5x", .nonNumericCell(loc, cell: "1.5x")), ("1e", .nonNumericCell(loc, cell: "1e")),
            ("1e+", .nonNumericCell(loc, cell: "1e+")), ("1..2", .nonNumericCell(loc, cell: "1..2")),
            (".", .nonNumericCell(loc, cell: ".")), ("-", .nonNumericCell(loc, cell: "-")),
            ("1 2", .nonNumericCell(loc, cell: "1 2")), ("\"1.5", .nonNumericCell(loc, cell: "\"1.5")),
            ("abc", .nonNumericCell(loc, cell: "abc")), ("1,5", .raggedRow(FileLocation(file: path, line: 3), expectedFields: 3, foundFields: 4)),
            ("nan", .nonFiniteCell(loc, cell: "nan")), ("-inf", .nonFiniteCell(loc, cell: "-inf")),
            ("1e999", .nonFiniteCell(loc, cell: "1e999")), ("-1.8e308", .nonFiniteCell(loc, cell: "-1.8e308")),
            ("1.7976931348623159e308", .nonFiniteCell(loc, cell: "1.7976931348623159e308")),
            ("", .emptyCell(loc)), ("\"\"", .emptyCell(loc)),
        ]
        for (cell, error) in rejected {
            let r = try read(cell)
            guard case let .failure(e) = r else { Issue.record("\(cell) accepted: \(r)"); continue }
            #expect(e == error, "\(cell)")
        }
    }
}

enum Midpoint {
    /// The exact decimal expansion of the midpoint between `x` (positive, finite, below the
    /// largest double) and the next double up: a rounding tie.
    static func midpointText(_ x: Double) -> String {
        // x = m · 2^e exactly; the midpoint is (2m + 1) · 2^(e−1).
        let e = x.exponent  // x = significand · 2^exponent, significand in [1, 2) or subnormal
        let ulpExponent = x.isNormal ? Int(e) - 52 : -1074
        let m = x.isNormal ? (x.significandBitPattern | 1 << 52) : x.significandBitPattern
        var digits = BigDecimal(UInt64(2 * m + 1))
        let p = ulpExponent - 1
        if p >= 0 { for _ in 0..<p { digits.multiply(by: 2) } ; return digits.text(pointAt: 0) }
        // (2m+1) / 2^-p = (2m+1) · 5^-p / 10^-p
        for _ in 0..<(-p) { digits.multiply(by: 5) }
        return digits.text(pointAt: -p)
    }
}

/// Minimal arbitrary-precision unsigned integer in base 10^9, for exact midpoint expansions.
struct BigDecimal {
    var limbs: [UInt64]  // little-endian, base 1e9
    init(_ v: UInt64) {
        limbs = []
        var v = v
        repeat { limbs.append(v % 1_000_000_000); v /= 1_000_000_000 } while v > 0
    }
    mutating func multiply(by k: UInt64) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let t = limbs[i] * k + carry
            limbs[i] = t % 1_000_000_000
            carry = t / 1_000_000_000
        }
        while carry > 0 { limbs.append(carry % 1_000_000_000); carry /= 1_000_000_000 }
    }
    /// Decimal text with `pointAt` digits after the point.
    func text(pointAt: Int) -> String {
        var s = String(limbs.last!)
        for l in limbs.dropLast().reversed() {
            let t = String(l)
            s += String(repeating: "0", count: 9 - t.count) + t
        }
        if pointAt == 0 { return s }
        if s.count <= pointAt { s = String(repeating: "0", count: pointAt - s.count + 1) + s }
        let i = s.index(s.endIndex, offsetBy: -pointAt)
        return s[..<i] + "." + s[i...]
    }
}
