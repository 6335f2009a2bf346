import Testing
@testable import Reports

@Suite struct DisplayWidthTests {
    @Test func chineseCharactersTakeTwoCells() {
        // Unicode EastAsianWidth: CJK ideographs are W (2 cells), ASCII is Na (1 cell).
        #expect(DisplayWidth.of("农林牧渔产品和服务") == 18)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("11 石油炼焦") == 3 + 8)
        #expect(DisplayWidth.of("（全角）") == 8)  // fullwidth parentheses are F
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining acute accent takes no cell
    }

    @Test func truncatesByCells() {
        #expect(DisplayWidth.truncate("通信设备计算机和其他电子设备", to: 9) == "通信设备…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
    }

    @Test func terminalTableAlignsMixedWidthText() {
        var t = Table(columns: [.init("sector"), .init("multiplier", alignment: .right)])
        t.append(["01 农林牧渔", "1.80"])
        t.append(["31 Software", "2.15"])
        let lines = TerminalTableRenderer().render(t).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // Every row ends at the same display column: the right-aligned numbers line up.
        let widths = [lines[0], lines[2], lines[3]].map(DisplayWidth.of)
        #expect(Set(widths).count == 1)
        #expect(lines[2].hasSuffix("1.80") && lines[3].hasSuffix("2.15"))
    }
}
