// swift-tools-version:6.0
// The Swift side of the forecast benchmark (Benchmarks/forecast/run.sh): a separate package so the
// main package's manifest gains only the ForecastEngine library product. Build:
//   swift build -c release --package-path Benchmarks/forecast/swift --scratch-path Benchmarks/out/forecast/.build
import PackageDescription

let package = Package(
    name: "ForecastBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "BinhaiSim", path: "../../..")],
    targets: [
        .executableTarget(
            name: "forecast-bench",
            dependencies: [.product(name: "ForecastEngine", package: "BinhaiSim")])
    ]
)
