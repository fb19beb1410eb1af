/// Why a webhook failed verification, precisely enough to fix the cause.
///
/// The `reason` is a stable word for scripts and logs (`missing_header`, `signature_mismatch`…); `detail`
/// says more in plain words. Neither ever contains a secret or a computed signature.
public struct WebhookVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure, with their stable names.
    public enum Reason: String, Sendable, CaseIterable, Codable {
        /// A header the scheme needs is absent.
        case missingHeader = "missing_header"
        /// A header is present but cannot be read (no timestamp, not a number, bad structure).
        case malformedHeader = "malformed_header"
        /// The header holds no signature of the expected scheme or version (e.g. only Stripe's `v0`).
        case noMatchingSignature = "no_matching_signature"
        /// The signed timestamp is further in the past than the tolerance (a replay, or a slow queue).
        case timestampTooOld = "timestamp_too_old"
        /// The signed timestamp is further in the future than the tolerance (clock skew).
        case timestampTooNew = "timestamp_too_new"
        /// Signatures of the scheme are present, and none matches the body with any secret.
        case signatureMismatch = "signature_mismatch"
        /// A secret or key cannot be used: empty, not base64 where the scheme needs it, wrong length.
        case invalidSecret = "invalid_secret"
    }

    /// The kind of failure.
    public var reason: Reason
    /// What exactly was wrong, in plain words.
    public var detail: String
    /// For timestamp failures: how far the timestamp is from now (positive in the past).
    public var skew: Duration?

    /// Creates an error.
    public init(_ reason: Reason, _ detail: String, skew: Duration? = nil) {
        self.reason = reason
        self.detail = detail
        self.skew = skew
    }

    public var description: String { "\(reason.rawValue): \(detail)" }
}
