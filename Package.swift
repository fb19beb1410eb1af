// swift-tools-version: 6.0
import PackageDescription

/// One set of settings for every Swift target, tests included (see ../shared/STYLE.md).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ipm",
    products: [
        .library(name: "IntegrationPatterns", targets: ["IntegrationPatterns"]),
        .executable(name: "ipm", targets: ["ipm"]),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CICal", pkgConfig: "libical", providers: [.apt(["libical-dev"])]),
        // libcurl loaded with dlopen on first use (see its shim.h): no link-time dependency, no start-up cost.
        .systemLibrary(name: "CCurl"),

        // Libraries.
        .target(
            name: "IntegrationPatterns",
            dependencies: ["CSQLite", "CLibCrypto", "CICal", "CCurl"],
            swiftSettings: swiftSettings),
        .target(
            name: "Knowledge",
            dependencies: ["CSQLite", "CCmarkGFM"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedContentPlugin"]),
        .target(
            name: "Advisor",
            dependencies: ["Knowledge", "IntegrationPatterns"],
            swiftSettings: swiftSettings),
        .target(
            name: "Scaffold",
            dependencies: ["Advisor", "IntegrationPatterns", "Knowledge"],
            swiftSettings: swiftSettings),
        .target(
            name: "Console",
            dependencies: ["CCmarkGFM", "CEditLine"],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "ipm",
            dependencies: ["IntegrationPatterns", "Knowledge", "Advisor", "Scaffold", "Console"],
            swiftSettings: swiftSettings),

        // In-process benchmarks driven by Benchmarks/run.py (make bench).
        .executableTarget(
            name: "ipm-bench", dependencies: ["IntegrationPatterns"], path: "Benchmarks/IPMBench",
            swiftSettings: swiftSettings),

        // Build-time embedding of Content/ into Knowledge.
        .executableTarget(name: "EmbedContent", swiftSettings: swiftSettings),
        .plugin(name: "EmbedContentPlugin", capability: .buildTool(), dependencies: ["EmbedContent"]),

        // Tests.
        .executableTarget(
            name: "claim-race", dependencies: ["IntegrationPatterns"], path: "Tests/Support/ClaimRace",
            swiftSettings: swiftSettings),
        // Snapshot files compared and recorded the same way by every test target that keeps them.
        .target(name: "SnapshotTesting", path: "Tests/Support/SnapshotTesting", swiftSettings: swiftSettings),
        .testTarget(
            name: "IntegrationPatternsTests", dependencies: ["IntegrationPatterns", "claim-race"],
            exclude: ["Webhooks/Fixtures", "Sync/Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AdvisorTests", dependencies: ["Advisor", "Knowledge", "SnapshotTesting"], exclude: ["Snapshots"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ConsoleTests", dependencies: ["Console", "SnapshotTesting"], exclude: ["Fixtures", "Snapshots"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ScaffoldTests", dependencies: ["Scaffold", "Advisor", "IntegrationPatterns", "SnapshotTesting"],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ipmTests", dependencies: ["ipm", "Knowledge", "Console"], swiftSettings: swiftSettings),
    ]
)
