/// Key material for one secret of a scheme, prepared once.
enum WebhookKey: @unchecked Sendable {
    case hmac(HMACSHA256)
    case ed25519Public(Ed25519.PublicKey)
    case ed25519Private(Ed25519.PrivateKey)

    /// The key for verifying `scheme` with `secret`.
    static func verifying(_ scheme: WebhookScheme, secret: String) throws(WebhookVerificationError) -> WebhookKey {
        switch scheme.kind {
        case .standardEd25519:
            let raw = try decodePrefixed(secret, prefix: "whpk_", what: "public key")
            guard let key = Ed25519.PublicKey(raw: raw) else {
                throw WebhookVerificationError(
                    .invalidSecret, "an Ed25519 public key is 32 bytes, this one is \(raw.count)")
            }
            return .ed25519Public(key)
        default:
            return try hmac(scheme, secret: secret)
        }
    }

    /// The key for signing `scheme` with `secret` (for v1a, the `whsk_` private key).
    static func signing(_ scheme: WebhookScheme, secret: String) throws(WebhookVerificationError) -> WebhookKey {
        switch scheme.kind {
        case .standardEd25519:
            let raw = try decodePrefixed(secret, prefix: "whsk_", what: "private key")
            // A 32-byte seed, or the 64-byte seed-and-public-key form some libraries store.
            guard raw.count == 32 || raw.count == 64, let key = Ed25519.PrivateKey(seed: Array(raw.prefix(32))) else {
                throw WebhookVerificationError(
                    .invalidSecret, "an Ed25519 private key is a 32-byte seed (or 64 bytes), this one is \(raw.count)")
            }
            return .ed25519Private(key)
        default:
            return try hmac(scheme, secret: secret)
        }
    }

    private static func hmac(_ scheme: WebhookScheme, secret: String) throws(WebhookVerificationError) -> WebhookKey {
        let bytes: [UInt8]
        switch scheme.kind {
        case .standard:
            bytes = try decodePrefixed(secret, prefix: "whsec_", what: "secret")
        case .generic(let generic) where generic.secretEncoding == .base64:
            let unprefixed = secret.lastIndex(of: "_").map { String(secret[secret.index(after: $0)...]) } ?? secret
            bytes = try decodePrefixed(unprefixed, prefix: "", what: "secret")
        default:
            // Stripe, GitHub, Shopify: the secret's text is the key, `whsec_` prefix included for Stripe.
            bytes = Array(secret.utf8)
        }
        guard !bytes.isEmpty else { throw WebhookVerificationError(.invalidSecret, "the secret is empty") }
        guard let key = HMACSHA256(key: bytes) else {
            throw WebhookVerificationError(.invalidSecret, "OpenSSL could not key HMAC-SHA256")
        }
        return .hmac(key)
    }

    private static func decodePrefixed(_ secret: String, prefix: String, what: String) throws(WebhookVerificationError)
        -> [UInt8]
    {
        let text = secret.hasPrefix(prefix) ? String(secret.dropFirst(prefix.count)) : secret
        guard !text.isEmpty else { throw WebhookVerificationError(.invalidSecret, "the \(what) is empty") }
        guard let bytes = Base64.decode(text), !bytes.isEmpty else {
            throw WebhookVerificationError(
                .invalidSecret, "the \(what) is not base64 after its '\(prefix)' prefix (is it the right scheme?)")
        }
        return bytes
    }
}
