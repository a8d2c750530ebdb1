// swift-tools-version:6.1
//
// kartei — a secure membership-records manager.
//
// Layers (a lower layer never imports a higher one):
//   COpenSSL (system libcrypto/libssl) ─┬─ KarteiCrypto (the only Swift code that calls OpenSSL)
//   GRDBSQLite (system libsqlite3) ─────┴─ CKarteiVFS (C: the page-encrypting SQLite VFS)
//   KarteiMessages (message keys, the German/English texts as resources, exit codes)
//   KarteiVault (vault file, key holders, open/create/rekey/backup/check)
//   KarteiCore (domain, access policy, audit, synthetic data)
//   KarteiBench (benchmarks printed by `kartei bench`)
//   kartei (the command-line tool; thin)
// KarteiTesting holds test fixtures; KarteiTestWriter is a child process for crash tests.
import PackageDescription

let package = Package(
    name: "kartei",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kartei", targets: ["kartei"]),
        .library(name: "KarteiVault", targets: ["KarteiVault"]),
        .library(name: "KarteiCore", targets: ["KarteiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "CKarteiVFS",
            dependencies: [
                "COpenSSL",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            cSettings: [.unsafeFlags(["-Wall", "-Wextra", "-Wno-unused-parameter"])],
            linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("crypto")]
        ),
        // Resources/ holds the texts (PO files per domain, long texts per language): docs/TRANSLATING.md.
        .target(name: "KarteiMessages", resources: [.copy("Resources")]),
        .target(
            name: "KarteiCrypto",
            dependencies: ["COpenSSL", "KarteiMessages"]
        ),
        .target(
            name: "KarteiVault",
            dependencies: [
                "KarteiCrypto",
                "KarteiMessages",
                "CKarteiVFS",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "KarteiCore",
            dependencies: [
                "KarteiVault",
                "KarteiCrypto",
                "KarteiMessages",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "KarteiBench",
            dependencies: [
                "KarteiVault",
                "KarteiCore",
                "KarteiCrypto",
                "CKarteiVFS",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "kartei",
            dependencies: [
                "KarteiCore",
                "KarteiVault",
                "KarteiCrypto",
                "KarteiMessages",
                "KarteiBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The command line reaches the vault only through the core's public API: no package
            // symbols (the database, the raw vault), so the compiler, not a test, keeps it out.
            packageAccess: false
        ),
        .target(
            name: "KarteiTesting",
            dependencies: ["KarteiVault", "KarteiCore", "KarteiCrypto", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "KarteiTestWriter",
            dependencies: ["KarteiVault", "KarteiTesting", "KarteiCrypto", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "KarteiMessagesTests", dependencies: ["KarteiMessages"]),
        // Vectors/ holds published test vectors with their licences, read at run time.
        .testTarget(name: "KarteiCryptoTests", dependencies: ["KarteiCrypto", "KarteiTesting"], exclude: ["Vectors"]),
        .testTarget(
            name: "KarteiVaultTests",
            dependencies: [
                "KarteiVault", "KarteiTesting", "KarteiCrypto", "KarteiMessages", "CKarteiVFS", "KarteiCore",
                "KarteiTestWriter", // build-only: the crash-test child process, run from the tests
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "KarteiCoreTests",
            dependencies: ["KarteiCore", "KarteiTesting", "KarteiCrypto", "KarteiMessages", "KarteiVault",
                           .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Vectors"]
        ),
        // Runs the built `kartei` binary, as users do.
        .testTarget(
            name: "KarteiCLITests",
            dependencies: [
                "KarteiTesting", "KarteiMessages", "KarteiCore", "KarteiCrypto",
                "kartei", "KarteiTestWriter", // build-only: the binaries the tests run
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
