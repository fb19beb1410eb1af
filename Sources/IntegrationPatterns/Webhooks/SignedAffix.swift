/// What a scheme signs next to the body, kept as its parts and written out only while it is hashed.
///
/// Stripe signs `{t}.` and Standard Webhooks `{id}.{t}.` before the body. Building those bytes in an
/// array costs a heap allocation per delivery, as much as the header parsing around it; they are laid
/// out in a temporary (stack) buffer instead, for the length of the HMAC.
enum SignedAffix {
    /// Nothing is signed on this side of the body.
    case none
    /// `{t}.`: the timestamp as its integer prints (no leading zeros), then a dot.
    case timestamp(Int64)
    /// `{id}.{t}.`
    case idAndTimestamp(String, Int64)
    /// Bytes assembled from a generic scheme's template.
    case bytes([UInt8])

    /// Runs `body` over the affix's bytes.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch self {
        case .none:
            return body(UnsafeRawBufferPointer(start: nil, count: 0))
        case .bytes(let bytes):
            return bytes.withUnsafeBytes(body)
        case .timestamp(let seconds):
            return withUnsafeTemporaryAllocation(byteCount: 24, alignment: 1) { buffer in
                let end = Self.write(seconds, into: buffer, at: 0)
                buffer[end] = UInt8(ascii: ".")
                return body(UnsafeRawBufferPointer(rebasing: buffer[0..<(end + 1)]))
            }
        case .idAndTimestamp(var id, let seconds):
            return id.withUTF8 { id in
                withUnsafeTemporaryAllocation(byteCount: id.count + 24, alignment: 1) { buffer in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[0..<id.count]).copyMemory(
                        from: UnsafeRawBufferPointer(id))
                    buffer[id.count] = UInt8(ascii: ".")
                    let end = Self.write(seconds, into: buffer, at: id.count + 1)
                    buffer[end] = UInt8(ascii: ".")
                    return body(UnsafeRawBufferPointer(rebasing: buffer[0..<(end + 1)]))
                }
            }
        }
    }

    /// Writes the decimal digits of a non-negative `value` at `offset`; returns the offset after them.
    /// `buffer` must have 20 bytes to spare from `offset`: the digits are written from its far end, in one
    /// pass, then moved into place (the regions may overlap; `copyMemory` allows it).
    static func write(_ value: Int64, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var position = offset + 20
        var remaining = value
        repeat {
            position -= 1
            buffer[position] = UInt8(truncatingIfNeeded: 0x30 + remaining % 10)
            remaining /= 10
        } while remaining > 0
        let digits = offset + 20 - position
        if position != offset {
            UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + digits)]).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: buffer[position..<(offset + 20)]))
        }
        return offset + digits
    }
}
