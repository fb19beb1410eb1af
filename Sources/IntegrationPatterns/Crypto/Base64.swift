internal import CLibCrypto

/// Base64 (RFC 4648, standard alphabet) through OpenSSL's `EVP_EncodeBlock` / `EVP_DecodeBlock`.
enum Base64 {
    /// The padded encoding of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "" }
        var output = [UInt8](repeating: 0, count: 4 * ((bytes.count + 2) / 3) + 1)
        let length = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                EVP_EncodeBlock(out.baseAddress, input.baseAddress, Int32(input.count))
            }
        }
        return String(decoding: output[0..<Int(length)], as: UTF8.self)
    }

    /// Writes the padded encoding of `bytes` into `output` (at least 4/3 as long, plus one) and returns
    /// its length.
    static func encode(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        Int(
            EVP_EncodeBlock(
                output.baseAddress!.assumingMemoryBound(to: UInt8.self),
                bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(bytes.count)))
    }

    /// The bytes of a base64 text, padded or not; `nil` when it is not base64.
    static func decode<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        let count = text.count
        if count == 0 { return [] }
        let remainder = count % 4
        if remainder == 1 { return nil }
        let padded = remainder == 0 ? count : count + 4 - remainder
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: padded) { input -> [UInt8]? in
            // EVP_DecodeBlock skips whitespace and does not reject misplaced padding: check the alphabet first.
            var index = 0
            for byte in text {
                let isAlphabet =
                    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2F
                let isPadding = byte == 0x3D && index >= count - 2
                guard isAlphabet || isPadding else { return nil }
                input[index] = byte
                index += 1
            }
            while index < padded {
                input[index] = 0x3D
                index += 1
            }
            if input[padded - 2] == 0x3D && input[padded - 1] != 0x3D { return nil }
            let padding = (input[padded - 1] == 0x3D ? 1 : 0) + (input[padded - 2] == 0x3D ? 1 : 0)
            var output = [UInt8](repeating: 0, count: padded / 4 * 3)
            let length = output.withUnsafeMutableBufferPointer { out in
                EVP_DecodeBlock(out.baseAddress, input.baseAddress, Int32(padded))
            }
            guard length >= 0 else { return nil }
            // EVP_DecodeBlock counts the bytes the padding stands for: drop them.
            output.removeLast(output.count - (Int(length) - padding))
            return output
        }
    }

    /// The bytes of a base64 string.
    static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? { decode(Array(text.utf8)) }
}
