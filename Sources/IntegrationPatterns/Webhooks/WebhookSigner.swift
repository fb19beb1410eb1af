public import Foundation

/// Signs payloads the way a provider does, to test a handler end to end or to send webhooks yourself.
///
/// ```swift
/// let signer = try WebhookSigner(scheme: .standardWebhooks, secret: "whsec_…")
/// let headers = try signer.sign(body: payload, id: "msg_1", timestamp: Date())
/// ```
public struct WebhookSigner: Sendable {
    /// The scheme signatures are made with.
    public let scheme: WebhookScheme
    private let key: WebhookKey

    /// Prepares a signer; for `standardWebhooksEd25519` the secret is the `whsk_` private key.
    public init(scheme: WebhookScheme, secret: String) throws(WebhookVerificationError) {
        self.scheme = scheme
        self.key = try WebhookKey.signing(scheme, secret: secret)
    }

    /// The headers a provider would send with `body`.
    ///
    /// - Parameters:
    ///   - id: The delivery id; required by Standard Webhooks and generic schemes that sign `{id}`,
    ///     sent as `X-GitHub-Delivery` / `X-Shopify-Webhook-Id` when given for those providers.
    ///   - timestamp: The signed time, for schemes that sign one (defaults to now).
    public func sign(body: some ContiguousBytes, id: String? = nil, timestamp: Date = Date())
        throws(WebhookVerificationError) -> HTTPHeaders
    {
        let seconds = Int64(timestamp.timeIntervalSince1970.rounded(.down))
        let bodyBytes = body.withUnsafeBytes { Array($0) }
        var headers = HTTPHeaders()
        switch scheme.kind {
        case .stripe:
            let mac = try hmac([Array("\(seconds).".utf8), bodyBytes])
            headers.add(name: "Stripe-Signature", value: "t=\(seconds),v1=\(Hex.encode(mac))")
        case .standard, .standardEd25519:
            guard let id, !id.isEmpty, !id.contains(".") else {
                throw WebhookVerificationError(.malformedHeader, "Standard Webhooks needs an id without '.'")
            }
            let signed = Array("\(id).\(seconds).".utf8) + bodyBytes
            let signature: String
            if case .ed25519Private(let privateKey) = key {
                guard let bytes = privateKey.sign(signed) else {
                    throw WebhookVerificationError(.invalidSecret, "OpenSSL could not sign with this key")
                }
                signature = "v1a," + Base64.encode(bytes)
            } else {
                signature = "v1," + Base64.encode(try hmac([signed]))
            }
            headers.add(name: "webhook-id", value: id)
            headers.add(name: "webhook-timestamp", value: String(seconds))
            headers.add(name: "webhook-signature", value: signature)
        case .github:
            headers.add(name: "X-Hub-Signature-256", value: "sha256=" + Hex.encode(try hmac([bodyBytes])))
            if let id { headers.add(name: "X-GitHub-Delivery", value: id) }
        case .shopify:
            headers.add(name: "X-Shopify-Hmac-Sha256", value: Base64.encode(try hmac([bodyBytes])))
            if let id { headers.add(name: "X-Shopify-Webhook-Id", value: id) }
        case .generic(let generic):
            guard let parts = generic.parts else {
                throw WebhookVerificationError(.invalidSecret, "the scheme's signed content must contain {body} once")
            }
            var signed: [UInt8] = []
            for part in parts {
                switch part {
                case .literal(let bytes): signed += bytes
                case .body: signed += bodyBytes
                case .timestamp: signed += Array(String(seconds).utf8)
                case .id:
                    guard let id else { throw WebhookVerificationError(.malformedHeader, "this scheme signs an id") }
                    signed += Array(id.utf8)
                }
            }
            let mac = try hmac([signed])
            let encoded = generic.encoding == .hex ? Hex.encode(mac) : Base64.encode(mac)
            headers.add(name: generic.signatureHeader, value: generic.signaturePrefix + encoded)
            if let header = generic.timestampHeader { headers.add(name: header, value: String(seconds)) }
            if let header = generic.idHeader, let id { headers.add(name: header, value: id) }
        }
        return headers
    }

    private func hmac(_ parts: [[UInt8]]) throws(WebhookVerificationError) -> [UInt8] {
        guard case .hmac(let key) = self.key else {
            throw WebhookVerificationError(.invalidSecret, "this key cannot make an HMAC")
        }
        return key.authenticate(parts)
    }
}
