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

    /// Every value of the field `name` (any case), in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Header names are ASCII tokens: compare them byte by byte with ASCII case folding, no allocation.
    static func sameName(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        if a == b { return true }
        var a = a
        var b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                for index in 0..<left.count where left[index] != right[index] {
                    let x = left[index]
                    let y = right[index]
                    let lowerX = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
                    let lowerY = y >= 0x41 && y <= 0x5A ? y | 0x20 : y
                    if lowerX != lowerY { return false }
                }
                return true
            }
        }
    }

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
