/// The byte ranges of the signatures a header offers, in order.
///
/// Nearly every delivery carries one signature (two while a secret rotates), so the first is stored
/// inline and only further ones go to an array: the common case allocates nothing.
struct SignatureRanges: Sequence {
    private var first: Range<Int>?
    private var rest: [Range<Int>] = []

    /// No ranges.
    init() {}

    /// Adds a range after the others.
    mutating func append(_ range: Range<Int>) {
        if first == nil { first = range } else { rest.append(range) }
    }

    /// Whether there are no ranges.
    var isEmpty: Bool { first == nil }

    /// How many ranges there are.
    var count: Int { first == nil ? 0 : 1 + rest.count }

    func makeIterator() -> Iterator { Iterator(ranges: self) }

    /// Walks the ranges in order.
    struct Iterator: IteratorProtocol {
        let ranges: SignatureRanges
        var position = 0

        mutating func next() -> Range<Int>? {
            defer { position += 1 }
            if position == 0 { return ranges.first }
            return position - 1 < ranges.rest.count ? ranges.rest[position - 1] : nil
        }
    }
}
