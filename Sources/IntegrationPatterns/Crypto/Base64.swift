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

    /// The bytes of a base64 text, padded or not; `nil` when it is not base64.
    static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var input = Array(text.utf8)
        if input.isEmpty { return [] }
        let remainder = input.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { input += [UInt8](repeating: UInt8(ascii: "="), count: 4 - remainder) }
        // EVP_DecodeBlock skips whitespace and does not reject misplaced padding: check the alphabet first.
        for (index, byte) in input.enumerated() {
            let isAlphabet = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2F
            let isPadding = byte == 0x3D && index >= input.count - 2
            guard isAlphabet || isPadding else { return nil }
        }
        if input[input.count - 2] == 0x3D && input[input.count - 1] != 0x3D { return nil }
        var output = [UInt8](repeating: 0, count: input.count / 4 * 3)
        let length = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { inp in EVP_DecodeBlock(out.baseAddress, inp.baseAddress, Int32(inp.count)) }
        }
        guard length >= 0 else { return nil }
        // EVP_DecodeBlock counts the bytes the padding stands for: drop them.
        let padding = input.suffix(2).filter { $0 == 0x3D }.count
        return Array(output[0..<(Int(length) - padding)])
    }
}
