// swift-tools-version:6.0
// The Swift side of the GMRES-pass benchmark (Benchmarks/io/pass/run.sh): times
// LinearAlgebra.TwoSidedProduct (M·X and Mᵀ·W in one pass) and, in the same process, the same two
// products as two BLAS dgemm calls through the same library. A separate package, so the main
// package gains nothing. Build:
//   swift build -c release --package-path Benchmarks/io/pass --scratch-path Benchmarks/out/pass/.build
import PackageDescription

let package = Package(
    name: "PassBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "BinhaiSim", path: "../../..")],
    targets: [
        .executableTarget(
            name: "pass-bench",
            dependencies: [.product(name: "LinearAlgebra", package: "BinhaiSim")])
    ]
)
