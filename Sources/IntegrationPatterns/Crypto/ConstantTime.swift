internal import CLibCrypto

/// Comparison of secrets that takes the same time wherever the first difference is (OpenSSL's
/// `CRYPTO_memcmp`), so that a signature cannot be guessed byte by byte from response times.
enum ConstantTime {
    /// Whether two byte buffers are equal; different lengths are unequal (lengths are not secret).
    static func equals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        if a.count == 0 { return true }
        return CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0
    }

    /// Whether two byte arrays are equal.
    static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBytes { left in b.withUnsafeBytes { right in equals(left, right) } }
    }
}
