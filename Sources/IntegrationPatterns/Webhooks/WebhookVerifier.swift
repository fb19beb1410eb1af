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
    public var tolerance: Duration {
        didSet { toleranceSeconds = Self.seconds(tolerance) }
    }
    /// Where "now" comes from.
    public var clock: WallClock
    private let keys: [WebhookKey]
    /// `tolerance` in seconds, worked out once rather than per delivery.
    private var toleranceSeconds: Double

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
        self.toleranceSeconds = Self.seconds(tolerance)
        self.clock = clock
    }

    /// Verifies a delivery; on failure throws a ``WebhookVerificationError`` saying exactly why.
    ///
    /// The signature is checked before the timestamp, so `timestamp_too_old` means an authentic but
    /// stale delivery (a replay), never a forged one.
    public func verify(headers: HTTPHeaders, body: some ContiguousBytes) throws(WebhookVerificationError)
        -> VerifiedWebhook
    {
        // `withUnsafeBytes` rethrows untyped errors; the only thrower inside throws this type.
        do {
            return try body.withUnsafeBytes { body in try verify(headers: headers, rawBody: body) }
        } catch {
            throw error as! WebhookVerificationError
        }
    }

    /// The non-generic body of ``verify(headers:body:)``.
    private func verify(headers: HTTPHeaders, rawBody body: UnsafeRawBufferPointer) throws(WebhookVerificationError)
        -> VerifiedWebhook
    {
        let delivery = try SignedDelivery(scheme: scheme, headers: headers)
        let matched: Int? = delivery.withAffixes { before, after in
            matchingKey(delivery, before: before, body: body, after: after)
        }
        guard let secretIndex = matched else {
            let count = delivery.candidates.count
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
            let limit = toleranceSeconds
            if skew > limit {
                throw WebhookVerificationError(
                    .timestampTooOld, "signed \(Int(skew.rounded())) s ago; the tolerance is \(Int(limit)) s",
                    skew: .seconds(skew))
            }
            if -skew > limit {
                throw WebhookVerificationError(
                    .timestampTooNew,
                    "signed \(Int((-skew).rounded())) s in the future; the tolerance is \(Int(limit)) s",
                    skew: .seconds(skew))
            }
            timestamp = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return VerifiedWebhook(scheme: scheme, id: delivery.id, timestamp: timestamp, secretIndex: secretIndex)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The index of the first key that one of the delivery's signatures matches.
    ///
    /// For HMAC the expected MAC is encoded like the candidates (lower-case hex, or padded base64) and
    /// compared in constant time with each candidate's text, as the providers' libraries compare.
    private func matchingKey(
        _ delivery: borrowing SignedDelivery, before: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer,
        after: UnsafeRawBufferPointer
    ) -> Int? {
        var message: [UInt8]?
        for (index, key) in keys.enumerated() {
            switch key {
            case .hmac(let hmac):
                let matched = withUnsafeTemporaryAllocation(byteCount: 3 * 96, alignment: 16) { scratch -> Bool in
                    let mac = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<32])
                    let expected = UnsafeMutableRawBufferPointer(rebasing: scratch[96..<192])
                    let candidate = UnsafeMutableRawBufferPointer(rebasing: scratch[192..<288])
                    guard hmac.authenticate(before, body, after, into: mac) else { return false }
                    let expectedLength =
                        delivery.encoding == .hex
                        ? Hex.encode(UnsafeRawBufferPointer(mac), into: expected)
                        : Base64.encode(UnsafeRawBufferPointer(mac), into: expected)
                    let folds = delivery.encoding == .hex
                    let target = candidate.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    return delivery.withCandidates { bytes, ranges in
                        var any = false
                        for range in ranges {
                            var length = range.count
                            // An unpadded base64 signature matches the padded expected text.
                            if !folds, length == expectedLength - 1, expected[expectedLength - 1] == 0x3D {
                                length = expectedLength - 1
                            } else if length != expectedLength {
                                continue
                            }
                            let source = bytes.baseAddress! + range.lowerBound
                            let reference = UnsafeRawBufferPointer(rebasing: expected[0..<length])
                            var equal = ConstantTime.equals(
                                UnsafeRawBufferPointer(start: source, count: length), reference)
                            // Hex compares without regard to case (base64 is case-sensitive): senders write
                            // lower case, so only a mismatch is folded and compared again. The second pass
                            // reveals no more than the outcome the response reveals anyway (match or not),
                            // never how many bytes matched.
                            if !equal && folds {
                                for offset in 0..<length {
                                    let byte = source[offset]
                                    target[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                                }
                                equal = ConstantTime.equals(
                                    UnsafeRawBufferPointer(start: target, count: length), reference)
                            }
                            if equal { any = true }
                        }
                        return any
                    }
                }
                if matched { return index }
            case .ed25519Public(let publicKey):
                if message == nil { message = Array(before) + Array(body) + Array(after) }
                let signatures = delivery.withCandidates { bytes, ranges in
                    ranges.map { Base64.decode(UnsafeBufferPointer(rebasing: bytes[$0])) ?? [] }
                }
                if signatures.contains(where: { publicKey.verify(signature: $0, message: message!) }) { return index }
            case .ed25519Private:
                continue
            }
        }
        return nil
    }
}
