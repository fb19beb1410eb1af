/// Where alerts go: a log, a chat webhook, a pager. The seed's `sendAlert`, as a protocol.
///
/// Sending an alert must never fail the work that raised it, so `send` does not throw; an
/// implementation that cannot deliver should log that it could not.
public protocol AlertSink: Sendable {
    /// Delivers an alert.
    func send(_ alert: Alert) async
}
