internal import Foundation

/// HTTP header fields: names compared without regard to case, order and repetition kept.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, Codable {
    private var fields: [(name: String, value: String)]

    /// Creates headers from name–value pairs, in order.
    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value of the field `name` (any case), or `nil`.
    public subscript(name: String) -> String? {
        for field in fields where Self.sameName(field.name, name) { return field.value }
        return nil
    }

    /// The first values of three fields, found in one pass over the headers: the webhook verifiers' hot
    /// path reads three headers per delivery. `names` are lower-case ASCII.
    func firstValues(_ names: (StaticString, StaticString, StaticString)) -> (String?, String?, String?) {
        var found: (String?, String?, String?) = (nil, nil, nil)
        // Borrowed through a buffer rather than `for field in fields`, which retains each field's strings.
        fields.withUnsafeBufferPointer { fields in
            for field in fields {
                let length = field.name.utf8.count
                if found.0 == nil, length == names.0.utf8CodeUnitCount, Self.sameName(field.name, names.0) {
                    found.0 = field.value
                } else if found.1 == nil, length == names.1.utf8CodeUnitCount, Self.sameName(field.name, names.1) {
                    found.1 = field.value
                } else if found.2 == nil, length == names.2.utf8CodeUnitCount, Self.sameName(field.name, names.2) {
                    found.2 = field.value
                }
            }
        }
        return found
    }

    /// The first value of the field `name` (lower-case ASCII), compared without regard to case.
    func firstValue(_ name: StaticString) -> String? {
        fields.withUnsafeBufferPointer { fields in
            fields.first { $0.name.utf8.count == name.utf8CodeUnitCount && Self.sameName($0.name, name) }?.value
        }
    }

    /// Whether `name` is `lowercased` without regard to case; `lowercased` is lower-case ASCII.
    private static func sameName(_ name: String, _ lowercased: StaticString) -> Bool {
        lowercased.withUTF8Buffer { target in
            name.utf8.withContiguousStorageIfAvailable { bytes in
                // Most senders (and every HTTP/2 one) send names in lower case: compare as they are first.
                if let start = bytes.baseAddress, memcmp(start, target.baseAddress!, bytes.count) == 0 { return true }
                for index in 0..<bytes.count where lowered(bytes[index]) != target[index] { return false }
                return true
            } ?? zip(name.utf8, target).allSatisfy { lowered($0) == $1 }
        }
    }

    /// Every value of the field `name` (any case), in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Header names are ASCII tokens: compare them byte by byte with ASCII case folding, no allocation.
    static func sameName(_ a: String, _ b: String) -> Bool {
        let left = a.utf8
        let right = b.utf8
        guard left.count == right.count else { return false }
        let folded =
            left.withContiguousStorageIfAvailable { left in
                right.withContiguousStorageIfAvailable { right in
                    for index in 0..<left.count where left[index] != right[index] {
                        guard lowered(left[index]) == lowered(right[index]) else { return false }
                    }
                    return true
                }
            } ?? nil
        return folded ?? zip(left, right).allSatisfy { lowered($0) == lowered($1) }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Appends a field (keeping earlier ones with the same name).
    public mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces every field named `name` with one field.
    public mutating func replace(name: String, value: String) {
        fields.removeAll { Self.sameName($0.name, name) }
        fields.append((name: name, value: value))
    }

    /// Parses a header line such as `Stripe-Signature: t=1,v1=ab`; `nil` without a colon or a name.
    public static func parseLine(_ line: String) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: " \t")
        let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t\r")
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return (name, value)
    }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> some IteratorProtocol<(name: String, value: String)> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { sameName($0.name, $1.name) && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name.lowercased())
            hasher.combine(field.value)
        }
    }

    public init(from decoder: any Decoder) throws {
        let pairs = try [[String]](from: decoder)
        fields = pairs.compactMap { $0.count == 2 ? (name: $0[0], value: $0[1]) : nil }
    }

    public func encode(to encoder: any Encoder) throws {
        try fields.map { [$0.name, $0.value] }.encode(to: encoder)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
