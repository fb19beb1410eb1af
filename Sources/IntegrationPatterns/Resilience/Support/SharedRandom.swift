internal import Synchronization

/// A random number generator shared by concurrent callers behind a lock: seeded in tests for
/// reproducible jitter, the system generator otherwise.
final class SharedRandom: Sendable {
    private let generator: Mutex<any RandomNumberGenerator & Sendable>

    init(_ generator: some RandomNumberGenerator & Sendable) {
        self.generator = Mutex(generator)
    }

    /// Runs `body` with exclusive use of the generator.
    func withGenerator<T: Sendable>(_ body: (inout AnyGenerator) -> T) -> T {
        generator.withLock { stored in
            var wrapped = AnyGenerator(base: stored)
            defer { stored = wrapped.base }
            return body(&wrapped)
        }
    }

    /// An existential generator usable where `inout some RandomNumberGenerator` is expected.
    struct AnyGenerator: RandomNumberGenerator {
        var base: any RandomNumberGenerator & Sendable
        mutating func next() -> UInt64 { base.next() }
    }
}
