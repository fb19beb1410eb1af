public import Foundation

/// Where messages that failed for good are kept for a person to look at, fix and redrive.
///
/// ``SQLiteDeadLetterQueue`` is the durable implementation; a PostgreSQL one can serve several
/// processes. Items stay until they are redriven successfully or purged.
public protocol DeadLetterQueue: Sendable {
    /// Parks a message and returns its identifier.
    @discardableResult
    func enqueue(_ letter: DeadLetter) async throws -> Int64

    /// The parked messages, oldest first, optionally only those of one source.
    func list(source: String?, limit: Int) async throws -> [DeadLetter]

    /// One parked message, or `nil`.
    func get(id: Int64) async throws -> DeadLetter?

    /// Removes one message (after a successful redrive); returns whether it was there.
    @discardableResult
    func remove(id: Int64) async throws -> Bool

    /// Removes every message that last failed before `date` (every message when `nil`); returns how many.
    @discardableResult
    func purge(lastFailedBefore date: Date?) async throws -> Int

    /// How many messages are parked.
    func count() async throws -> Int
}
