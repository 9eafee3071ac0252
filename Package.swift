// swift-tools-version: 6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode is the tools-version default;
/// `ExistentialAny` makes every existential spelled `any`.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Newsdesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsdesk", targets: ["newsdesk"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .target(name: "CSystem"),
        /// The system zlib, for gzip responses (pkg-config zlib; Debian zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        /// The system OpenSSL, for HTTPS (pkg-config openssl; Debian libssl-dev).
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "HTTP", swiftSettings: swiftSettings),
        .target(
            name: "Server", dependencies: ["HTTP", "CSystem", "CZlib", "COpenSSL"], swiftSettings: swiftSettings),
        .target(name: "Search", swiftSettings: swiftSettings),
        .executableTarget(name: "search-bench", dependencies: ["Search"], swiftSettings: swiftSettings),
        .target(name: "Entities", resources: [.copy("Gazetteer")], swiftSettings: swiftSettings),
        .target(
            name: "Corpus",
            dependencies: ["Search", "Entities"],
            resources: [.copy("SampleCorpus")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "API", dependencies: ["Server", "Corpus", "HTTP", "CSystem"],
            resources: [.copy("Assets"), .copy("OpenAPI")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "newsdesk",
            dependencies: [
                "API", "Server", "Corpus", "Entities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ServerTests", dependencies: ["Server", "HTTP", "CZlib", "COpenSSL"], swiftSettings: swiftSettings),
        .testTarget(name: "SearchTests", dependencies: ["Search", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities"], swiftSettings: swiftSettings),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "APITests", dependencies: ["API", "Corpus", "Server", "HTTP", "TestSupport"],
            swiftSettings: swiftSettings),
        /// Starts the built `newsdesk` binary; `swift build --build-tests` (and `swift test`) build it.
        .testTarget(name: "EndToEndTests", swiftSettings: swiftSettings),
    ]
)

/// libFuzzer targets, declared only when NEWSDESK_FUZZ is set: they have no `main` of their own
/// (libFuzzer's is linked by `--sanitize=fuzzer`), so a plain `swift build` must not see them.
/// `Scripts/fuzz/run.sh` sets it and builds them into `.build-fuzz`.
if Context.environment["NEWSDESK_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependency: Target.Dependency)] = [
        ("FuzzRequestParser", "HTTP"), ("FuzzChunkedBody", "HTTP"), ("FuzzQueryParser", "Search"),
        ("FuzzCorpusLoaders", "Corpus"),
    ]
    for (name, dependency) in fuzzTargets {
        package.targets.append(
            .executableTarget(name: name, dependencies: [dependency], swiftSettings: swiftSettings))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
