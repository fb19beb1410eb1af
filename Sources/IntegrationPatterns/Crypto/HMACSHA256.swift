internal import CLibCrypto
internal import Foundation

/// An HMAC-SHA256 key, keyed once in OpenSSL and restarted for every message.
///
/// Re-deriving the keyed state (ipad/opad) per call costs as much as hashing a small body, so the context
/// is kept; a lock serialises use of it. All HMAC work in the library goes through OpenSSL.
public final class HMACSHA256: @unchecked Sendable {
    /// OpenSSL's HMAC implementation, fetched once per process.
    nonisolated(unsafe) private static let mac: OpaquePointer? = EVP_MAC_fetch(nil, "HMAC", nil)

    private let context: OpaquePointer
    private let lock = NSLock()

    /// The length of a digest in bytes.
    static let length = 32

    /// Keys a context with `key`; `nil` only if OpenSSL refuses (out of memory).
    init?(key: [UInt8]) {
        guard let mac = Self.mac else { return nil }
        let context = key.withUnsafeBufferPointer { buffer in
            CLibCrypto_hmac_sha256_new(mac, buffer.baseAddress, buffer.count)
        }
        guard let context else { return nil }
        self.context = context
    }

    deinit { EVP_MAC_CTX_free(context) }

    /// The MAC of the concatenation of `parts`, written into `output` (at least 32 bytes).
    func authenticate(_ parts: [UnsafeRawBufferPointer], into output: UnsafeMutableRawBufferPointer) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard CLibCrypto_mac_restart(context) == 1 else { return false }
        for part in parts { guard update(part) else { return false } }
        return finish(into: output)
    }

    /// The MAC of `before`, `body` and `after` in a row, written into `output`; no array of parts is built.
    func authenticate(
        _ before: UnsafeRawBufferPointer, _ body: UnsafeRawBufferPointer, _ after: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard CLibCrypto_mac_restart(context) == 1, update(before), update(body), update(after) else { return false }
        return finish(into: output)
    }

    private func update(_ part: UnsafeRawBufferPointer) -> Bool {
        guard let start = part.baseAddress, part.count > 0 else { return true }
        return EVP_MAC_update(context, start.assumingMemoryBound(to: UInt8.self), part.count) == 1
    }

    private func finish(into output: UnsafeMutableRawBufferPointer) -> Bool {
        var written = 0
        let status = EVP_MAC_final(
            context, output.baseAddress!.assumingMemoryBound(to: UInt8.self), &written, output.count)
        return status == 1 && written == Self.length
    }

    /// Computes `count` MACs of `message` back to back, for `make bench` to measure the library's HMAC path
    /// alone against `openssl speed`; not part of the supported API.
    public static func _benchmark(key: [UInt8], message: [UInt8], count: Int) -> Int {
        let hmac = HMACSHA256(key: key)!
        var checksum = 0
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 1) { out in
            message.withUnsafeBytes { body in
                let empty = UnsafeRawBufferPointer(start: nil, count: 0)
                for _ in 0..<count {
                    _ = hmac.authenticate(empty, body, empty, into: out)
                    checksum &+= Int(out[0])
                }
            }
        }
        return checksum
    }

    /// The MAC of the concatenation of `parts` as bytes.
    func authenticate(_ parts: [[UInt8]]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Self.length)
        let ok = output.withUnsafeMutableBytes { out in
            withRawBuffers(parts) { buffers in authenticate(buffers, into: out) }
        }
        precondition(ok, "OpenSSL HMAC failed")
        return output
    }
}

/// Runs `body` with raw buffers over every array, without copying them.
func withRawBuffers<R>(_ arrays: [[UInt8]], _ body: ([UnsafeRawBufferPointer]) -> R) -> R {
    func recurse(_ index: Int, _ collected: [UnsafeRawBufferPointer]) -> R {
        if index == arrays.count { return body(collected) }
        return arrays[index].withUnsafeBytes { recurse(index + 1, collected + [$0]) }
    }
    return recurse(0, [])
}
