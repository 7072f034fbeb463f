// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "batou", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "deployment",
            dependencies: [.product(name: "Batou", package: "batou")]
        )
    ]
)
