import Foundation

/// The texts of a new module package. `id` is valid (see `ModuleScaffold.validate(id:)`), so it and
/// `type` need no escaping; the BinhaiSim reference is escaped as a Swift string literal.
struct Template {
    let id: String
    let type: String
    let binhai: ModuleScaffold.BinhaiReference

    /// The struct implementing `ScenarioModule` (not `type` itself: a type named like its module
    /// hides the module's name in qualified lookups).
    var moduleType: String { "\(type)Module" }
    var library: String { ModuleScaffold.libraryName(for: id) }

    /// `s` as the inside of a Swift string literal.
    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    var dependencyLine: String {
        switch binhai {
        case let .path(path):
            return #".package(name: "BinhaiSim", path: "\#(Self.escaped(path))"),"#
        case let .git(url, version):
            let isSemver = version.split(separator: ".").count == 3
                && version.split(separator: ".").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
            let requirement = isSemver ? #"from: "\#(version)""# : #"branch: "\#(Self.escaped(version))""#
            return #".package(url: "\#(Self.escaped(url))", \#(requirement)),"#
        }
    }

    /// The `package:` of `.product(name:package:)`: the name for a path, the identity for a URL.
    var packageReference: String {
        switch binhai {
        case .path: return "BinhaiSim"
        case let .git(url, _): return Self.escaped(ModuleScaffold.packageIdentity(url: url) ?? "binhaisim")
        }
    }

    var dependencyComment: String {
        switch binhai {
        case .path: return "// BinhaiSim from a local checkout (use its git URL and a version to share this package)."
        case .git: return "// BinhaiSim from git (for a local checkout: .package(name: \"BinhaiSim\", path: \"/path/to/BinhaiSim\"))."
        }
    }

    var packageManifest: String {
        #"""
        // swift-tools-version:6.0
        // The BinhaiSim scenario module `\#(id)`, built as a shared library and loaded with
        // `binhai run \#(id).yaml --plugin .build/debug/\#(library)` (docs/MODULES.md in the BinhaiSim repository).
        // Scaffolded by `binhai-new-module`; build it with the same Swift toolchain as `binhai`.
        import PackageDescription

        let package = Package(
            name: "\#(type)",
            platforms: [.macOS(.v13)],
            products: [
                // `.dynamic`: a shared library binhai can dlopen.
                .library(name: "\#(type)", type: .dynamic, targets: ["\#(type)"]),
            ],
            dependencies: [
                \#(dependencyComment)
                \#(dependencyLine)
            ],
            targets: [
                .target(
                    name: "\#(type)",
                    dependencies: [.product(name: "ScenarioKitPlugin", package: "\#(packageReference)")]),
                .testTarget(
                    name: "\#(type)Tests",
                    dependencies: [
                        "\#(type)",
                        .product(name: "ScenarioKit", package: "\#(packageReference)"),
                        .product(name: "ScenarioKitTesting", package: "\#(packageReference)"),
                    ]),
            ]
        )

        """#
    }

    var moduleSource: String {
        #"""
        import ScenarioKit
        import ScenarioKitPlugin

        /// The scenario module `\#(id)`: each forecast year's investment in place × `factor`, with the
        /// mean and P10/P50/P90 over the Monte Carlo draws. Its prepare phase changes nothing.
        /// Replace the parameter and the analysis with your own; keep the id in sync with \#(id).yaml.
        public struct \#(moduleType): ScenarioModule {
            public static let descriptor = ModuleDescriptor(
                id: "\#(id)", version: "0.1.0",
                title: LocalizedText(zh: "\#(id)：到位额 × 系数", en: "\#(id): investment in place × factor"),
                summary: LocalizedText(
                    zh: "每年到位额乘以系数 factor（均值与 P10/P50/P90）。",
                    en: "Each year's investment in place times factor (mean and P10/P50/P90)."),
                parameters: [
                    ParameterSpec(
                        name: "factor", type: .number, unit: "share", defaultValue: .number(0.5), minimum: 0, maximum: 10,
                        help: LocalizedText(zh: "乘数", en: "multiplier on the investment in place")),
                ])

            let factor: Double

            public init(parameters: ModuleParameters, context: ModuleContext) throws {
                factor = parameters.number("factor") ?? 0.5
            }

            public func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {
                var table = ResultTable(
                    id: "\#(id).by-year", title: LocalizedText(zh: "到位额 × 系数", en: "Investment in place × factor"),
                    rowHeader: LocalizedText(zh: "年份", en: "year"),
                    columns: [ResultColumn(LocalizedText(zh: "份额", en: "share"), unit: "亿元")],
                    notes: [LocalizedText(zh: "系数 \(factor)", en: "factor \(factor)")])
                for (k, year) in outputs.years.enumerated() {
                    let scaled = outputs.investmentInPlace.draws(year: k).map { $0 * factor }
                    table.rows.append(ResultRow(LocalizedText(String(year)), [.quantiles(QuantileSummary(of: scaled))]))
                }
                results.add(table)
            }
        }

        /// The one line of glue: the C entry point binhai looks up.
        @_cdecl("binhai_module_entry_v1")
        public func binhaiModuleEntry() -> UnsafeRawPointer { PluginExport.entry(for: \#(moduleType).self) }

        """#
    }

    var testSource: String {
        #"""
        import ScenarioKit
        import ScenarioKitTesting
        import Testing
        @testable import \#(type)

        /// The module run the way a scenario runs it (parameters checked against the descriptor,
        /// defaults filled in, then analyze), on small synthetic engine outputs.
        @Suite struct \#(type)Tests {
            let outputs = EngineOutputs.synthetic(years: Array(2021...2025), total: [1300, 1500, 1700, 1900, 2100])

            @Test func descriptorIsValid() {
                #expect(\#(moduleType).descriptor.id == "\#(id)")
                #expect(\#(moduleType).descriptor.schemaProblems().isEmpty)
            }

            @Test func analyzeScalesTheInvestmentInPlace() throws {
                let results = try ModuleHarness.run(\#(moduleType).self, parameters: ["factor": 0.25], outputs: outputs)
                let table = try #require(results.table("\#(id).by-year"))
                #expect(table.rows.map(\.label.en) == ["2021", "2022", "2023", "2024", "2025"])
                #expect(table.numbers(column: 0) == [325, 375, 425, 475, 525])
            }

            @Test func factorDefaultsToOneHalf() throws {
                let results = try ModuleHarness.run(\#(moduleType).self, outputs: outputs)
                #expect(results.table("\#(id).by-year")?.numbers(column: 0).first == 650)
            }

            @Test func factorOutOfBoundsIsRefused() {
                let error = ModuleHarness.parameterError(\#(moduleType).self, parameters: ["factor": 20])
                #expect(error?.keyPath == "factor")
            }
        }

        """#
    }

    var scenario: String {
        #"""
        # A scenario using the module \#(id):
        #   swift build
        #   binhai run \#(id).yaml --plugin .build/debug/\#(library)
        id: \#(id)-example
        title: {zh: \#(id) 示例, en: \#(id) example}
        plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
        engine: {draws: 2000, seed: 11}
        modules:
          - use: \#(id)
            with: {factor: 0.25}

        """#
    }

    var readme: String {
        let reference: String
        switch binhai {
        case let .path(path): reference = "the BinhaiSim checkout at `\(path)`"
        case let .git(url, version): reference = "BinhaiSim from `\(url)` (\(version))"
        }
        return #"""
            # \#(type) — the BinhaiSim scenario module `\#(id)`

            An external scenario module (docs/MODULES.md in the BinhaiSim repository) in its own package, built as a shared
            library and loaded by an unchanged `binhai` with `--plugin`. It depends on \#(reference)
            (`Package.swift`); build it with the same Swift toolchain as `binhai` (the loader checks).

            ```
            swift build                                              # gives .build/debug/\#(library)
            swift test                                               # Tests/\#(type)Tests (Swift Testing)
            binhai modules list --plugin .build/debug/\#(library)
            binhai modules describe \#(id) --plugin .build/debug/\#(library)
            binhai run \#(id).yaml --plugin .build/debug/\#(library)
            ```

            - `Sources/\#(type)/\#(type).swift`: the module `\#(moduleType)` (descriptor with one parameter,
              `factor`; an analyze phase adding the table `\#(id).by-year`) and the one-line C entry point
              `binhai_module_entry_v1`.
            - `Tests/\#(type)Tests/\#(type)Tests.swift`: the module run through `ModuleHarness`
              (ScenarioKitTesting) on synthetic engine outputs.
            - `\#(id).yaml`: a scenario using the module.

            Or put the library (or its folder) on `BINHAI_PLUGIN_PATH` (colon-separated) instead of `--plugin`.

            """#
    }
}
