/// Lower-case hexadecimal.
///
/// Written out rather than through OpenSSL's `OPENSSL_hexstr2buf_ex`: that function wants a
/// NUL-terminated copy and a separator scan, and on the webhook hot path (one 64-digit signature per
/// delivery) the copies cost more than the HMAC itself. It is a table lookup, not cryptography.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The lower-case hex of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes the lower-case hex of `bytes` into `output` (twice as long) and returns its length.
    static func encode(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        digits.withUnsafeBufferPointer { digits in
            guard let input = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
            else { return }
            for index in 0..<bytes.count {
                let byte = input[index]
                out[2 * index] = digits[Int(byte >> 4)]
                out[2 * index + 1] = digits[Int(byte & 0x0f)]
            }
        }
        return bytes.count * 2
    }

    /// The value of one hex digit (either case), or `nil`.
    @inline(__always)
    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: return digit - 0x30
        case 0x41...0x46: return digit - 0x41 + 10
        case 0x61...0x66: return digit - 0x61 + 10
        default: return nil
        }
    }

    /// The bytes of a hex text (either case); `nil` when it is not an even run of hex digits.
    static func decode<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        let count = text.count
        guard count % 2 == 0 else { return nil }
        var valid = true
        let output = [UInt8](unsafeUninitializedCapacity: count / 2) { buffer, initialized in
            var index = text.startIndex
            for position in 0..<(count / 2) {
                guard let high = value(text[index]) else {
                    valid = false
                    break
                }
                index = text.index(after: index)
                guard let low = value(text[index]) else {
                    valid = false
                    break
                }
                index = text.index(after: index)
                buffer[position] = high << 4 | low
                initialized = position + 1
            }
        }
        return valid ? output : nil
    }

    /// The bytes of a hex string.
    static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? { decode(Array(text.utf8)) }
}
