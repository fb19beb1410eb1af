public import Foundation

/// Verifies webhook deliveries over their raw body bytes, for one scheme and one or more secrets.
///
/// Verify first, always, and over the bytes exactly as received: a body parsed and re-serialised no
/// longer matches its signature. Several secrets can be given while a secret is being rotated; the
/// delivery is valid if any of them matches. Where the scheme signs a timestamp, it must be within
/// `tolerance` of now in both directions (too old is a replay or a stuck queue, too new is clock skew).
/// HMAC-SHA256, Ed25519 and the constant-time comparison are OpenSSL's.
///
/// ```swift
/// let verifier = try WebhookVerifier(scheme: .stripe, secrets: [secret])
/// let delivery = try verifier.verify(headers: request.headers, body: request.body)
/// ```
public struct WebhookVerifier: Sendable {
    /// The scheme deliveries are verified with.
    public let scheme: WebhookScheme
    /// How far a signed timestamp may be from now, either way. Default: 300 seconds, as the providers' libraries.
    public var tolerance: Duration
    /// Where "now" comes from.
    public var clock: WallClock
    private let keys: [WebhookKey]

    /// Prepares a verifier. Throws `invalid_secret` if any secret cannot be used with the scheme.
    public init(
        scheme: WebhookScheme, secrets: [String], tolerance: Duration = .seconds(300), clock: WallClock = .system
    ) throws(WebhookVerificationError) {
        guard !secrets.isEmpty else { throw WebhookVerificationError(.invalidSecret, "no secret was given") }
        var keys: [WebhookKey] = []
        for secret in secrets { keys.append(try WebhookKey.verifying(scheme, secret: secret)) }
        self.scheme = scheme
        self.keys = keys
        self.tolerance = tolerance
        self.clock = clock
    }

    /// Verifies a delivery; on failure throws a ``WebhookVerificationError`` saying exactly why.
    ///
    /// The signature is checked before the timestamp, so `timestamp_too_old` means an authentic but
    /// stale delivery (a replay), never a forged one.
    public func verify(headers: HTTPHeaders, body: some ContiguousBytes) throws(WebhookVerificationError)
        -> VerifiedWebhook
    {
        let delivery = try SignedDelivery(scheme: scheme, headers: headers)
        let matched: Int? = body.withUnsafeBytes { body in
            delivery.before.withUnsafeBytes { before in
                delivery.after.withUnsafeBytes { after in
                    matchingKey(delivery.signatures, parts: [before, body, after])
                }
            }
        }
        guard let secretIndex = matched else {
            let count = delivery.signatures.count
            let secrets = keys.count == 1 ? "the secret" : "any of the \(keys.count) secrets"
            throw WebhookVerificationError(
                .signatureMismatch,
                count == 1
                    ? "the signature does not match the body with \(secrets)"
                    : "none of the \(count) signatures matches the body with \(secrets)")
        }
        var timestamp: Date?
        if let seconds = delivery.timestamp {
            let now = clock.now().timeIntervalSince1970
            let skew = now - Double(seconds)
            let limit = Double(tolerance.components.seconds) + Double(tolerance.components.attoseconds) / 1e18
            if skew > limit {
                throw WebhookVerificationError(
                    .timestampTooOld, "signed \(Int(skew.rounded())) s ago; the tolerance is \(Int(limit)) s",
                    skew: .seconds(skew))
            }
            if -skew > limit {
                throw WebhookVerificationError(
                    .timestampTooNew, "signed \(Int((-skew).rounded())) s in the future; the tolerance is \(Int(limit)) s",
                    skew: .seconds(skew))
            }
            timestamp = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return VerifiedWebhook(scheme: scheme, id: delivery.id, timestamp: timestamp, secretIndex: secretIndex)
    }

    /// The index of the first key that one of `signatures` matches.
    private func matchingKey(_ signatures: [[UInt8]], parts: [UnsafeRawBufferPointer]) -> Int? {
        var message: [UInt8]?
        for (index, key) in keys.enumerated() {
            switch key {
            case .hmac(let hmac):
                var matched = false
                withUnsafeTemporaryAllocation(byteCount: HMACSHA256.length, alignment: 1) { expected in
                    guard hmac.authenticate(parts, into: expected) else { return }
                    let expectedBytes = UnsafeRawBufferPointer(expected)
                    for signature in signatures {
                        let equal = signature.withUnsafeBytes { ConstantTime.equals($0, expectedBytes) }
                        if equal { matched = true }
                    }
                }
                if matched { return index }
            case .ed25519Public(let publicKey):
                if message == nil { message = parts.flatMap { Array($0) } }
                if signatures.contains(where: { publicKey.verify(signature: $0, message: message!) }) { return index }
            case .ed25519Private:
                continue
            }
        }
        return nil
    }
}
