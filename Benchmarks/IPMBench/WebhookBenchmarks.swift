import Foundation
import IntegrationPatterns

/// Webhook verification and idempotency claims, in process.
enum WebhookBenchmarks {
    /// `verify <stripe|standard> <body bytes>`: verifications per second of a valid delivery.
    static func verify(_ arguments: [String]) async throws -> [String: Any] {
        guard arguments.count == 2, let scheme = WebhookScheme(name: arguments[0]), let size = Int(arguments[1]) else {
            throw BenchmarkError.usage("verify <stripe|standard> <body bytes>")
        }
        let secret = scheme == .stripe ? "whsec_benchmark_secret_0123456789" : "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        var random = SplitMix64(seed: 42)
        let body = (0..<size).map { _ in UInt8.random(in: 0x20...0x7e, using: &random) }
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let headers = try WebhookSigner(scheme: scheme, secret: secret).sign(
            body: body, id: "msg_benchmark", timestamp: now)
        let verifier = try WebhookVerifier(scheme: scheme, secrets: [secret], clock: .fixed(now))
        let rate = try Measure.throughput(minimumDuration: .seconds(1), batch: 200) { _ in
            _ = try verifier.verify(headers: headers, body: body)
        }
        return ["ops_per_sec": rate, "scheme": scheme.name, "bytes": size]
    }

    /// `claim-complete <database path>`: claim then complete of fresh keys per second on SQLite (WAL).
    static func claimComplete(_ arguments: [String]) async throws -> [String: Any] {
        guard arguments.count == 1 else { throw BenchmarkError.usage("claim-complete <database path>") }
        let store = try SQLiteIdempotencyStore(path: arguments[0])
        let response = StoredResponse(status: 200)
        let rate = try await Measure.throughputAsync(minimumDuration: .seconds(2), batch: 500) { index in
            guard case .claimed(let lease) = try store.claim("evt_\(index)", lease: .seconds(60)) else {
                throw BenchmarkError.usage("key evt_\(index) was not fresh")
            }
            try store.complete(lease, response: response)
        }
        return ["ops_per_sec": rate]
    }
}

/// A benchmark case was called wrongly or its setup failed.
enum BenchmarkError: Error, CustomStringConvertible {
    case usage(String)
    var description: String {
        switch self {
        case .usage(let text): return "usage: \(text)"
        }
    }
}

extension WebhookBenchmarks {
    /// `raw-hmac`: HMAC-SHA256 of 1 KiB per second through the library's keyed context alone, the work
    /// `openssl speed -hmac sha256` measures; the gap between it and `verify` is header parsing and comparing.
    static func rawHMAC(_ arguments: [String]) async throws -> [String: Any] {
        let message = [UInt8](repeating: 0x61, count: 1024)
        let clock = ContinuousClock()
        let start = clock.now
        _ = HMACSHA256._benchmark(key: Array("key".utf8), message: message, count: 500_000)
        let elapsed = clock.now - start
        return [
            "ops_per_sec": 500_000
                / (Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        ]
    }
}
