// swift-tools-version:6.0
// An external BinhaiSim scenario module, built as a shared library and loaded with
// `binhai run scenario.yaml --plugin .build/debug/libHelloModule.so` (docs/MODULES.md in the BinhaiSim repository).
import PackageDescription

let package = Package(
    name: "HelloModule",
    platforms: [.macOS(.v13)],
    products: [
        // `.dynamic`: a shared library binhai can dlopen.
        .library(name: "HelloModule", type: .dynamic, targets: ["HelloModule"]),
    ],
    dependencies: [
        // The BinhaiSim package (here by relative path; a researcher's package may use its URL).
        .package(name: "BinhaiSim", path: "../.."),
    ],
    targets: [
        .target(
            name: "HelloModule",
            dependencies: [.product(name: "ScenarioKitPlugin", package: "BinhaiSim")]),
    ]
)
