internal import CLibCrypto

/// Lower-case hexadecimal through OpenSSL's `OPENSSL_buf2hexstr_ex` / `OPENSSL_hexstr2buf_ex`.
enum Hex {
    /// The lower-case hex of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "" }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 1)
        var length = 0
        _ = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                OPENSSL_buf2hexstr_ex(out.baseAddress, out.count, &length, input.baseAddress, input.count, 0)
            }
        }
        return String(decoding: output[0..<max(0, length - 1)].map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
    }

    /// The bytes of a hex text (either case); `nil` when it is not an even run of hex digits.
    static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 2 == 0 else { return nil }
        if input.isEmpty { return [] }
        guard input.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) else {
            return nil
        }
        var output = [UInt8](repeating: 0, count: input.count / 2)
        var length = 0
        let cString = input.map { CChar(bitPattern: $0) } + [0]
        let status = output.withUnsafeMutableBufferPointer { out in
            cString.withUnsafeBufferPointer { inp in
                OPENSSL_hexstr2buf_ex(out.baseAddress, out.count, &length, inp.baseAddress, 0)
            }
        }
        guard status == 1, length == output.count else { return nil }
        return output
    }
}
