internal import CLibCrypto

/// SHA-256 through OpenSSL: for fingerprints of content (generated files, request parameters), not for
/// authenticating messages — use ``WebhookVerifier`` (HMAC) for that.
public enum SHA256Digest {
    /// The digest of `bytes` as lower-case hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        precondition(ok == 1 && length == 32, "OpenSSL SHA-256 failed")
        return Hex.encode(digest)
    }

    /// The digest of a string's UTF-8 as lower-case hex.
    public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}
