// swift-tools-version:6.0
import PackageDescription

// Layers, bottom to top (a target imports only targets below it; data flows one way:
// file → spec → runtime → outcome → renderers). docs/ARCHITECTURE.md has the picture.
//
//   LibC, CLinearAlgebra        the platform C library; BLAS/LAPACK
//   LinearAlgebra, Vocabulary   dense linear algebra; bilingual text, catalogue lookup, plan arithmetic
//   InputOutput, ScenarioKit    Leontief/Ghosh analysis; the module SDK
//   ForecastEngine, modules     the doubling-plan engine; built-in scenario modules
//   ScenarioFiles               scenario YAML → ScenarioSpec, dataset folders, located errors
//   ScenarioRuntime             ScenarioSpec → ScenarioOutcome (calibration, modules, runs, caches)
//   Reports, Briefings          renderers
//   WebApp                      `binhai serve`: pages and JSON API over the runtime and renderers
//   binhai                      the command line

let package = Package(
    name: "BinhaiSim",
    platforms: [.macOS(.v13)],
    products: [
        // MARK: - Public API
        .executable(name: "binhai", targets: ["binhai"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "InputOutput", targets: ["InputOutput"]),
        .library(name: "ScenarioKit", targets: ["ScenarioKit"]),
        .library(name: "ScenarioKitTesting", targets: ["ScenarioKitTesting"]),
        .library(name: "ForecastEngine", targets: ["ForecastEngine"]),
        .library(name: "ScenarioRuntime", targets: ["ScenarioRuntime"]),
        // What an external module package depends on: ScenarioKit plus the C-ABI export glue.
        .library(name: "ScenarioKitPlugin", targets: ["ScenarioKitPlugin"]),
        .library(name: "PluginHost", targets: ["PluginHost"]),
        // Scaffolding a new module package: the logic, its executable and the SwiftPM command plugin
        // (`swift package --allow-writing-to-package-directory new-module --id my-share`).
        .library(name: "ModuleScaffold", targets: ["ModuleScaffold"]),
        .executable(name: "binhai-new-module", targets: ["binhai-new-module"]),
        .plugin(name: "NewModule", targets: ["NewModule"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The web page (`binhai serve`): HTTP server, templates, what-if store, request logging.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // MARK: - Implementation

        // Layer 0: the platform C library in one place; BLAS/LAPACK through Debian's
        // libblas-dev / liblapack-dev.
        .target(name: "LibC"),
        .systemLibrary(name: "CLinearAlgebra", path: "Sources/CLinearAlgebra"),
        // librsvg + cairo: SVG charts to PNG for the Word briefing, loaded with dlopen when a chart
        // is first drawn (Sources/CRsvg/include/CRsvg.h).
        .target(name: "CRsvg", path: "Sources/CRsvg"),
        // Dense kernels Swift cannot compile per instruction set (AVX-512F / AVX2 + FMA /
        // baseline, picked at run time): the one-pass M·X and Mᵀ·W of the GMRES solves.
        .target(name: "CDenseKernels", path: "Sources/CDenseKernels"),
        // Layer 1: dense linear algebra, no domain words.
        .target(name: "LinearAlgebra", dependencies: ["CLinearAlgebra", "CDenseKernels", "LibC"]),
        // Layer 1½: the growth process of a series and its posterior from every kind of
        // observation (levels, partial years, growth rates): the statistical layer of the forecast.
        .target(name: "TrendEstimation", dependencies: ["LinearAlgebra", "LibC"]),
        // Layer 1: the shared vocabulary: bilingual text, the one catalogue lookup (id or name),
        // suggestions for typos, and the plan's arithmetic (required path, g*).
        .target(name: "Vocabulary", dependencies: ["LibC"]),
        // Layer 2: input-output (Leontief / Ghosh) analysis and the IO folder reader.
        .target(name: "InputOutput", dependencies: ["LinearAlgebra", "LibC"]),
        // Layer 2: what a module author needs: the ScenarioModule protocol, parameter schema,
        // engine inputs/outputs as modules see them, result tables. No engine, no files.
        .target(name: "ScenarioKit", dependencies: ["LinearAlgebra", "Vocabulary"]),
        // Test support for module authors: contexts, small IO folders, synthetic outputs, ModuleHarness.
        .target(name: "ScenarioKitTesting", dependencies: ["ScenarioKit"]),
        // Layer 2½: the built-in module catalogue (ModuleCatalogue.builtin) and the small built-in
        // modules (target-tracker, project-batch); larger modules are their own targets.
        .target(
            name: "BuiltinModules", dependencies: ["ScenarioKit", "IndustryChain", "BeijingTransfer", "CapitalMix", "CarrierPolicy"],
            path: "Sources/Modules/Builtin"),
        // Built-in module: industry-chain linkage (产业链招商) on the dataset's IO table.
        .target(
            name: "IndustryChain", dependencies: ["ScenarioKit", "InputOutput", "LinearAlgebra", "ModuleInputs"],
            path: "Sources/Modules/IndustryChain"),
        // What built-in modules read from a dataset folder: small CSVs with located errors, the
        // named industry groupings (focus-groups.csv: the "4-2-1" reading).
        .target(
            name: "ModuleInputs", dependencies: ["ScenarioKit", "InputOutput"],
            path: "Sources/Modules/ModuleInputs"),
        // Built-in modules of the policy's carrier mechanisms: 一镇一产业, 飞地招商, 招商帮带
        // (carrier-mechanisms) and the "4-2-1" focus with 重大项目包保 (investment-focus).
        .target(
            name: "CarrierPolicy", dependencies: ["ScenarioKit", "ModuleInputs"],
            path: "Sources/Modules/CarrierPolicy"),
        // Built-in module: transfer of Beijing non-capital functions (absorbing Markov chain of relocations).
        .target(
            name: "BeijingTransfer", dependencies: ["ScenarioKit", "LinearAlgebra"],
            path: "Sources/Modules/BeijingTransfer"),
        // Built-in module: capital mix (state/foreign/private) and guidance-fund allocation (dgglse).
        .target(
            name: "CapitalMix", dependencies: ["ScenarioKit", "LinearAlgebra", "InputOutput"],
            path: "Sources/Modules/CapitalMix"),
        // External modules (docs/MODULES.md): the C ABI (one versioned struct of function pointers),
        // the plugin-side glue and JSON codecs (PluginExport.entry(for:)), and the host's loader.
        .target(name: "CBinhaiModuleABI"),
        .target(name: "ScenarioKitPlugin", dependencies: ["ScenarioKit", "CBinhaiModuleABI"]),
        .target(name: "PluginHost", dependencies: ["ScenarioKit", "ScenarioKitPlugin", "CBinhaiModuleABI", "LibC"]),
        // Layer 2: the doubling-plan forecast engine (pipeline model, Monte Carlo, targets).
        .target(name: "ForecastEngine", dependencies: ["LinearAlgebra", "Vocabulary", "TrendEstimation", "LibC"]),
        // Layer 3: scenario files (YAML) → ScenarioSpec, dataset folders and manifests, validation
        // with locations. No calibration, no module instances.
        .target(
            name: "ScenarioFiles",
            dependencies: [
                "ForecastEngine", "TrendEstimation", "InputOutput", "Datasets", "ScenarioKit",
                .product(name: "Yams", package: "Yams"),
            ]),
        // Layer 4½: sharded jobs on a scheduler: the job file, Slurm array and merge scripts,
        // Kubernetes Indexed Job manifests, the status of a parts folder.
        .target(name: "ClusterJobs", dependencies: ["ScenarioFiles", "ScenarioRuntime"]),
        // Layer 4: the one scenario runtime: ScenarioSpec → calibration, modules (built once per
        // distinct use), prepare phases, baseline, effort search, variants, sweeps → ScenarioOutcome.
        .target(name: "ScenarioRuntime", dependencies: ["ScenarioFiles", "ForecastEngine", "ScenarioKit", "Datasets", "Sensitivity"]),
        // Global sensitivity analysis: Sobol' sequence, Saltelli design, Sobol' first-order and total
        // indices with bootstrap intervals, Morris elementary effects. No domain words.
        .target(name: "Sensitivity", dependencies: ["LibC"]),
        // Embedded datasets (SwiftPM resources) so the tool runs from any folder.
        .target(
            name: "Datasets",
            resources: [
                .copy("Resources/nbs-2017-42"), .copy("Resources/nbs-2018-42"), .copy("Resources/nbs-2020-42"),
                .copy("Resources/nbs-2017-149"), .copy("Resources/nbs-2018-153"), .copy("Resources/nbs-2020-153"),
                .copy("Resources/binhai-default"), .copy("Resources/scenarios"),
            ]),
        // Renderers: terminal table (CJK widths), Markdown, CSV, JSON, atomic files. No domain words.
        .target(name: "Reports", dependencies: ["LibC", "CRsvg", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Briefing outputs: IO results and scenario outcomes as bilingual tables, charts, HTML, workbooks, JSON.
        .target(
            name: "Briefings",
            dependencies: ["Reports", "InputOutput", "ForecastEngine", "LinearAlgebra", "ScenarioKit", "ScenarioRuntime"]),
        // The web page (`binhai serve`): server-rendered bilingual pages and a JSON API over the same
        // runtime and briefings the command line uses; what-ifs kept in SQLite (GRDB).
        .target(
            name: "WebApp",
            dependencies: [
                "ScenarioRuntime", "ScenarioFiles", "ScenarioKit", "ForecastEngine", "Briefings", "Reports", "Datasets",
                "Vocabulary",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]),
        // The command-line tool: parses arguments, calls the runtime, renders.
        .executableTarget(
            name: "binhai",
            dependencies: [
                "LinearAlgebra", "InputOutput", "Datasets", "Reports", "Briefings", "ForecastEngine", "ScenarioFiles",
                "ScenarioRuntime", "ScenarioKit", "BuiltinModules", "PluginHost", "ClusterJobs", "WebApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Module scaffold (docs/MODULES.md): the files of a new module package (pure logic, tested),
        // the `binhai-new-module` executable and the `new-module` command plugin that runs it.
        .target(name: "ModuleScaffold"),
        .executableTarget(
            name: "binhai-new-module",
            dependencies: ["ModuleScaffold", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .plugin(
            name: "NewModule",
            capability: .command(
                intent: .custom(
                    verb: "new-module",
                    description: "Create a new scenario-module package (--id my-share [--output DIR]) that builds, loads and passes its test"),
                permissions: [
                    .writeToPackageDirectory(reason: "Creates the new module package (default: Modules/<TypeName> in this package)")
                ]),
            dependencies: ["binhai-new-module"]),

        // MARK: - Fuzzing
        // What each fuzz target does with one input (Fuzz/Harness), and the targets: replay tools
        // in a normal build, libFuzzer executables with `-DFUZZING -sanitize=fuzzer,address`
        // (`make fuzz`, scripts/fuzz.sh).
        .target(
            name: "FuzzHarness", dependencies: ["InputOutput", "ScenarioFiles", "ScenarioKit", "ScenarioKitPlugin", "ScenarioRuntime"],
            path: "Fuzz/Harness"),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzHarness"], path: "Fuzz/Targets/fuzz-csv"),
        .executableTarget(name: "fuzz-scenario", dependencies: ["FuzzHarness", "BuiltinModules"], path: "Fuzz/Targets/fuzz-scenario"),
        .executableTarget(name: "fuzz-plugin-json", dependencies: ["FuzzHarness"], path: "Fuzz/Targets/fuzz-plugin-json"),

        // MARK: - Test support
        // A parsed XML tree (SVG, XHTML and XLSX parts are checked as XML).
        .target(name: "XMLTestSupport", path: "Tests/Support/XMLTestSupport"),
        // Running executables (binhai, swift build of example packages) and reading their output.
        .target(name: "ProcessTestSupport", path: "Tests/Support/ProcessTestSupport"),
        // One closeness check, one max-difference, one seeded generator (SplitMix64).
        .target(name: "NumericTestSupport", path: "Tests/Support/NumericTestSupport"),
        // The engine tests' fixed catalogues (test inputs, not the dataset's defaults).
        .target(name: "EngineTestSupport", dependencies: ["ForecastEngine"], path: "Tests/Support/EngineTestSupport"),
        // Load and prepare a scenario the way `binhai run` does.
        .target(
            name: "ScenarioTestSupport", dependencies: ["ScenarioFiles", "ScenarioRuntime", "ScenarioKit", "BuiltinModules"],
            path: "Tests/Support/ScenarioTestSupport"),

        // MARK: - Tests
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "CLinearAlgebra", "CDenseKernels", "LibC", "NumericTestSupport"]),
        .testTarget(
            name: "InputOutputTests", dependencies: ["InputOutput", "Datasets", "LinearAlgebra", "LibC", "NumericTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "XMLTestSupport", "NumericTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "ScenarioKitTests", dependencies: ["ScenarioKit", "Vocabulary"]),
        .testTarget(
            name: "SensitivityTests", dependencies: ["Sensitivity"], exclude: ["Fixtures/make_salib_fixture.py"],
            resources: [.copy("Fixtures/salib_fixture.json"), .copy("Fixtures/sobol_sequence_64x6.json")]),
        .testTarget(name: "BuiltinModulesTests", dependencies: ["BuiltinModules", "ScenarioKit", "ScenarioKitTesting"]),
        .testTarget(name: "CarrierPolicyTests", dependencies: ["CarrierPolicy", "ModuleInputs", "ScenarioKit", "ScenarioKitTesting"]),
        .testTarget(
            name: "IndustryChainTests",
            dependencies: ["IndustryChain", "ScenarioKit", "ScenarioKitTesting", "InputOutput", "LinearAlgebra", "Datasets"],
            path: "Tests/IndustryChainTests", exclude: ["Fixtures/nbs_chain_fixture.py"]),
        .testTarget(
            name: "BeijingTransferTests",
            dependencies: ["BeijingTransfer", "ScenarioKit", "ScenarioKitTesting", "LinearAlgebra", "LibC", "NumericTestSupport"],
            path: "Tests/BeijingTransferTests", exclude: ["Fixtures/make_fixture.py"]),
        .testTarget(
            name: "CapitalMixTests",
            dependencies: ["CapitalMix", "ScenarioKit", "ScenarioKitTesting", "LinearAlgebra", "NumericTestSupport"],
            path: "Tests/CapitalMixTests", exclude: ["Fixtures/make_fixture.py"]),
        .testTarget(
            name: "BriefingsTests",
            dependencies: [
                "Briefings", "ForecastEngine", "InputOutput", "Reports", "ScenarioKit", "XMLTestSupport", "EngineTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "TrendEstimationTests", dependencies: ["TrendEstimation", "LinearAlgebra", "LibC", "NumericTestSupport"]),
        .testTarget(name: "ForecastEngineTests", dependencies: ["ForecastEngine", "LinearAlgebra", "LibC", "EngineTestSupport"]),
        .testTarget(
            name: "ScenarioFilesTests",
            dependencies: [
                "ScenarioFiles", "ScenarioRuntime", "ForecastEngine", "Datasets", "ScenarioKit", "BuiltinModules", "ScenarioTestSupport",
            ]),
        .testTarget(
            name: "ScenarioRuntimeTests",
            dependencies: [
                "ScenarioRuntime", "ScenarioFiles", "ForecastEngine", "Datasets", "ScenarioKit", "ScenarioKitTesting",
                "BuiltinModules", "IndustryChain", "TrendEstimation", "NumericTestSupport",
            ]),
        // Replays the fuzz seed corpora and every input in Fuzz/regressions (crashes found once),
        // and checks that any accepted scenario runs or fails with a located error.
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzHarness", "BuiltinModules"]),
        .testTarget(
            name: "ClusterJobsTests",
            dependencies: ["ClusterJobs", "ScenarioRuntime", "ForecastEngine", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "BinhaiCLITests", dependencies: ["binhai", "ProcessTestSupport"], exclude: ["HelpSnapshots"]),
        .testTarget(
            name: "PluginHostTests",
            dependencies: [
                "PluginHost", "ScenarioKitPlugin", "ScenarioKit", "ScenarioKitTesting", "CBinhaiModuleABI", "ScenarioFiles",
                "ScenarioRuntime", "BuiltinModules", "ScenarioTestSupport",
            ]),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "ScenarioRuntime", "ScenarioFiles", "BuiltinModules", "Briefings", "Datasets",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "ModuleScaffoldTests",
            dependencies: ["ModuleScaffold", "BuiltinModules", "binhai", "binhai-new-module", "ProcessTestSupport"]),
    ]
)
