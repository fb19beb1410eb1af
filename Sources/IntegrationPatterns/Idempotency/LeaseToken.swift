internal import Synchronization

/// Claim tokens unique across processes: a random 64-bit prefix per generator and a counter.
final class LeaseToken: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        var generator = SystemRandomNumberGenerator()
        prefix = String(generator.next(), radix: 36)
    }

    /// The next token.
    func next() -> String {
        let value = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(value, radix: 36)
    }
}
