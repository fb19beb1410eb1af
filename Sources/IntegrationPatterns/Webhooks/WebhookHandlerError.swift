/// How a handler says whether its failure is worth retrying.
///
/// A **transient** failure (a timeout, a database restarting, a 503 from a service you call) makes the
/// processor answer 5xx so the provider retries. A **permanent** one (a payload you can never process, a
/// 4xx from a service that will not change its mind) is parked in the dead-letter queue, alerted on, and
/// acknowledged with 2xx so the provider stops retrying. Errors of other types are classified by the
/// processor's `isPermanent` predicate (by default: transient).
public struct WebhookHandlerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether a retry can succeed.
    public enum Kind: String, Sendable, Hashable {
        case transient, permanent
    }

    /// Whether a retry can succeed.
    public var kind: Kind
    /// What failed, for the dead-letter record and logs (never a secret).
    public var message: String

    /// A failure that a later retry may not meet.
    public static func transient(_ message: String) -> WebhookHandlerError {
        WebhookHandlerError(kind: .transient, message: message)
    }

    /// A failure that every retry will meet again.
    public static func permanent(_ message: String) -> WebhookHandlerError {
        WebhookHandlerError(kind: .permanent, message: message)
    }

    public var description: String { "\(kind.rawValue) failure: \(message)" }
}
