public import Foundation

/// Where calendar time comes from: the system, a fixed instant, or anything a test needs.
///
/// Used wherever a value is stored or compared as wall-clock time (webhook timestamps, lease and TTL
/// expiry, dead-letter timestamps). Code that waits uses a Swift `Clock` instead (see ``ManualClock``).
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock that reads `now` from a closure.
    public static func custom(_ now: @escaping @Sendable () -> Date) -> WallClock { WallClock(read: now) }

    /// The system's clock.
    public static let system = WallClock(read: { Date() })

    /// A clock stopped at `date`.
    public static func fixed(_ date: Date) -> WallClock { WallClock(read: { date }) }

    /// The current time.
    public func now() -> Date { read() }
}
