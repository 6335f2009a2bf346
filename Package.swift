// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BinhaiSim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "binhai", targets: ["binhai"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "InputOutput", targets: ["InputOutput"]),
        .library(name: "ScenarioKit", targets: ["ScenarioKit"]),
        .library(name: "ScenarioKitTesting", targets: ["ScenarioKitTesting"]),
        .library(name: "ForecastEngine", targets: ["ForecastEngine"]),
        // What an external module package depends on: ScenarioKit plus the C-ABI export glue.
        .library(name: "ScenarioKitPlugin", targets: ["ScenarioKitPlugin"]),
        .library(name: "ModulePlugins", targets: ["ModulePlugins"]),
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
    ],
    targets: [
        // Layer 0: BLAS/LAPACK through Debian's libblas-dev / liblapack-dev.
        .systemLibrary(name: "CLinearAlgebra", path: "Sources/CLinearAlgebra"),
        // Layer 1: dense linear algebra, no domain words.
        .target(name: "LinearAlgebra", dependencies: ["CLinearAlgebra"]),
        // Layer 2: input-output (Leontief / Ghosh) analysis and the IO folder reader.
        .target(name: "InputOutput", dependencies: ["LinearAlgebra"]),
        // Layer 2: what a module author needs: the ScenarioModule protocol, parameter schema,
        // engine inputs/outputs as modules see them, result tables. No engine, no files.
        .target(name: "ScenarioKit", dependencies: ["LinearAlgebra"]),
        // Test support for module authors: contexts, small IO folders, synthetic outputs, ModuleHarness.
        .target(name: "ScenarioKitTesting", dependencies: ["ScenarioKit"]),
        // Layer 2½: the built-in module catalogue (ModuleCatalog.builtin) and the small built-in
        // modules (target-tracker, project-batch); larger modules are their own targets.
        .target(
            name: "BuiltinModules", dependencies: ["ScenarioKit", "IndustryChain", "BeijingTransfer", "CapitalMix"],
            path: "Sources/Modules/Builtin"),
        // Built-in module: industry-chain linkage (产业链招商) on the dataset's IO table.
        .target(
            name: "IndustryChain", dependencies: ["ScenarioKit", "InputOutput", "LinearAlgebra"],
            path: "Sources/Modules/IndustryChain"),
        // Built-in module: transfer of Beijing non-capital functions (absorbing Markov chain of relocations).
        .target(
            name: "BeijingTransfer", dependencies: ["ScenarioKit", "LinearAlgebra"],
            path: "Sources/Modules/BeijingTransfer"),
        // Built-in module: capital mix (state/foreign/private) and guidance-fund allocation (dgglse).
        .target(
            name: "CapitalMix", dependencies: ["ScenarioKit", "LinearAlgebra"],
            path: "Sources/Modules/CapitalMix"),
        // External modules (DESIGN.md §5): the C ABI (one versioned struct of function pointers),
        // the plugin-side glue and JSON codecs (PluginExport.entry(for:)), and the host's loader.
        .target(name: "CBinhaiModuleABI"),
        .target(name: "ScenarioKitPlugin", dependencies: ["ScenarioKit", "CBinhaiModuleABI"]),
        .target(name: "ModulePlugins", dependencies: ["ScenarioKit", "ScenarioKitPlugin", "CBinhaiModuleABI"]),
        // Layer 2: the doubling-plan forecast engine (pipeline model, Monte Carlo, targets).
        .target(name: "ForecastEngine", dependencies: ["LinearAlgebra", "ScenarioKit"]),
        // Layer 3: scenario files (YAML), dataset folders and manifests, validation with locations.
        .target(
            name: "ScenarioFiles",
            dependencies: [
                "ForecastEngine", "InputOutput", "Datasets", "ScenarioKit", "BuiltinModules",
                .product(name: "Yams", package: "Yams"),
            ]),
        // Embedded datasets (SwiftPM resources) so the tool runs from any folder.
        .target(
            name: "Datasets",
            resources: [.copy("Resources/nbs-2020-42"), .copy("Resources/binhai-default"), .copy("Resources/scenarios")]),
        // Renderers: terminal table (CJK widths), Markdown, CSV, JSON, atomic files. No domain words.
        .target(name: "Reports", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Briefing outputs: IO and forecast results as bilingual tables and JSON documents.
        .target(name: "Briefings", dependencies: ["Reports", "InputOutput", "ForecastEngine", "LinearAlgebra", "ScenarioKit"]),
        // The command-line tool.
        .executableTarget(
            name: "binhai",
            dependencies: [
                "LinearAlgebra", "InputOutput", "Datasets", "Reports", "Briefings", "ForecastEngine", "ScenarioFiles",
                "ScenarioKit", "BuiltinModules", "ModulePlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Module scaffold (DESIGN.md §5): the files of a new module package (pure logic, tested),
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

        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(
            name: "InputOutputTests", dependencies: ["InputOutput", "Datasets", "LinearAlgebra"],
            resources: [.copy("Fixtures")]),
        // Test support: a parsed XML tree (SVG, XHTML and XLSX parts are checked as XML).
        .target(name: "XMLTestSupport", path: "Tests/Support/XMLTestSupport"),
        // Test support: running executables (binhai, swift build of example packages) and reading their output.
        .target(name: "ProcessTestSupport", path: "Tests/Support/ProcessTestSupport"),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "XMLTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ScenarioKitTests", dependencies: ["ScenarioKit"]),
        .testTarget(name: "BuiltinModulesTests", dependencies: ["BuiltinModules", "ScenarioKit", "ScenarioKitTesting"]),
        .testTarget(
            name: "IndustryChainTests",
            dependencies: ["IndustryChain", "ScenarioKit", "ScenarioKitTesting", "InputOutput", "LinearAlgebra", "Datasets"],
            path: "Tests/IndustryChainTests"),
        .testTarget(
            name: "BeijingTransferTests", dependencies: ["BeijingTransfer", "ScenarioKit", "ScenarioKitTesting", "LinearAlgebra"],
            path: "Tests/BeijingTransferTests"),
        .testTarget(
            name: "CapitalMixTests", dependencies: ["CapitalMix", "ScenarioKit", "ScenarioKitTesting", "LinearAlgebra"],
            path: "Tests/CapitalMixTests"),
        .testTarget(
            name: "BriefingsTests",
            dependencies: [
                "Briefings", "ForecastEngine", "InputOutput", "Reports", "ScenarioKit", "XMLTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "ForecastEngineTests", dependencies: ["ForecastEngine", "LinearAlgebra"]),
        .testTarget(
            name: "ScenarioFilesTests", dependencies: ["ScenarioFiles", "ForecastEngine", "Datasets", "ScenarioKit", "BuiltinModules"]),
        .testTarget(name: "BinhaiCLITests", dependencies: ["binhai", "ProcessTestSupport"]),
        .testTarget(
            name: "ModulePluginsTests",
            dependencies: [
                "ModulePlugins", "ScenarioKitPlugin", "ScenarioKit", "ScenarioKitTesting", "CBinhaiModuleABI", "ScenarioFiles",
                "BuiltinModules",
            ]),
        .testTarget(
            name: "ModuleScaffoldTests",
            dependencies: ["ModuleScaffold", "BuiltinModules", "binhai", "binhai-new-module", "ProcessTestSupport"]),
    ]
)
