// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "batou",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Batou", targets: ["Batou"]),
        .library(name: "BatouTesting", targets: ["BatouTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "BatouTemplates"),
        .target(name: "BatouModel", dependencies: ["BatouTemplates"]),
        .target(name: "BatouConfig"),
        .target(
            name: "BatouComponents",
            dependencies: ["BatouModel", "BatouTemplates", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "BatouTransport"),
        .target(
            name: "BatouSecrets",
            dependencies: [
                "BatouConfig", "BatouTransport", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "BatouEngine",
            dependencies: ["BatouModel", "BatouTemplates", "BatouConfig", "BatouSecrets", "BatouTransport"]
        ),
        .target(
            name: "BatouCLI",
            dependencies: [
                "BatouEngine", "BatouModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "Batou", dependencies: ["BatouModel", "BatouTemplates", "BatouComponents", "BatouCLI"]),
        .target(name: "BatouTesting", dependencies: ["BatouModel", "BatouEngine"]),
        .testTarget(
            name: "BatouTemplatesTests", dependencies: ["BatouTemplates"], exclude: ["Corpus", "render-with-jinja2.py"]
        ),
        .testTarget(name: "BatouModelTests", dependencies: ["BatouModel"]),
        .testTarget(name: "BatouConfigTests", dependencies: ["BatouConfig"]),
        .testTarget(name: "BatouComponentsTests", dependencies: ["BatouComponents", "BatouTesting"]),
        .testTarget(name: "BatouEngineTests", dependencies: ["BatouEngine", "BatouComponents", "BatouTesting"]),
        .testTarget(name: "BatouTransportTests", dependencies: ["BatouTransport"]),
        .testTarget(name: "BatouSecretsTests", dependencies: ["BatouSecrets"]),
        .testTarget(name: "ExampleTests"),
    ]
)
