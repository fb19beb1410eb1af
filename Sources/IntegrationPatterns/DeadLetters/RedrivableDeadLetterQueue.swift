public import Foundation

/// A dead-letter queue that can redrive: hand its messages back to a handler at a limited rate,
/// removing each one the handler accepts and recording the new failure of each one it does not.
public protocol RedrivableDeadLetterQueue: DeadLetterQueue {
    /// Records that redriving message `id` failed again at `date` with `error`: one more attempt, a new
    /// last failure and error. Returns whether the message was there.
    @discardableResult
    func recordFailedRedrive(id: Int64, error: String, at date: Date) async throws -> Bool
}
