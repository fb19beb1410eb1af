internal import CLibCrypto

/// The SHA-256 of a feed body, in lowercase hex: how an unchanged body is recognised when the server
/// sends no validators.
enum FeedBodyDigest {
    static func sha256Hex(_ body: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let status = body.withUnsafeBytes { buffer in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(buffer.baseAddress, buffer.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        guard status == 1 else { return "" }
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest.prefix(Int(length)) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
