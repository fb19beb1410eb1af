/// A webhook signature scheme: which headers carry what, which bytes are signed, how.
///
/// | scheme | headers | signed bytes | signature |
/// |---|---|---|---|
/// | ``stripe`` | `Stripe-Signature: t=…,v1=…` | `{t}.{body}` | HMAC-SHA256 hex; secret's text as key |
/// | ``standardWebhooks`` | `webhook-id`, `webhook-timestamp`, `webhook-signature` | `{id}.{t}.{body}` | `v1,` base64 HMAC-SHA256; `whsec_` base64 secret |
/// | ``standardWebhooksEd25519`` | same | same | `v1a,` base64 Ed25519; `whpk_` public key |
/// | ``github`` | `X-Hub-Signature-256: sha256=…` | `{body}` | HMAC-SHA256 hex |
/// | ``shopify`` | `X-Shopify-Hmac-Sha256` | `{body}` | HMAC-SHA256 base64 |
///
/// Sources: docs.stripe.com/webhooks; standard-webhooks/standard-webhooks `spec/standard-webhooks.md`;
/// GitHub's "Validating webhook deliveries"; shopify.dev webhook docs (see ../shared/research/webhooks.md).
public struct WebhookScheme: Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case stripe
        case standard
        case standardEd25519
        case github
        case shopify
        case generic(GenericHMACScheme)
    }

    let kind: Kind

    /// Stripe: `Stripe-Signature` with a timestamp and one or more `v1` signatures (several during a
    /// secret roll); `v0` (test mode's legacy scheme) is ignored.
    public static let stripe = WebhookScheme(kind: .stripe)
    /// Standard Webhooks (and Svix) v1: symmetric HMAC-SHA256.
    public static let standardWebhooks = WebhookScheme(kind: .standard)
    /// Standard Webhooks v1a: asymmetric Ed25519 signatures checked with the sender's public key.
    public static let standardWebhooksEd25519 = WebhookScheme(kind: .standardEd25519)
    /// GitHub: `X-Hub-Signature-256` (the SHA-1 `X-Hub-Signature` is not accepted).
    public static let github = WebhookScheme(kind: .github)
    /// Shopify: `X-Shopify-Hmac-Sha256`, base64.
    public static let shopify = WebhookScheme(kind: .shopify)

    /// A provider's own HMAC scheme.
    public static func generic(_ scheme: GenericHMACScheme) -> WebhookScheme { WebhookScheme(kind: .generic(scheme)) }

    /// Every named scheme (the generic one needs a description).
    public static let named: [WebhookScheme] = [
        .stripe, .standardWebhooks, .standardWebhooksEd25519, .github, .shopify,
    ]

    /// The scheme's short name: `stripe`, `standard`, `standard-v1a`, `github`, `shopify`, `generic`.
    public var name: String {
        switch kind {
        case .stripe: return "stripe"
        case .standard: return "standard"
        case .standardEd25519: return "standard-v1a"
        case .github: return "github"
        case .shopify: return "shopify"
        case .generic: return "generic"
        }
    }

    /// The named scheme called `name` (see ``name``), or `nil`.
    public init?(name: String) {
        guard let scheme = Self.named.first(where: { $0.name == name }) else { return nil }
        self = scheme
    }

    private init(kind: Kind) { self.kind = kind }

    public var description: String { name }

    /// Whether the scheme signs a timestamp, so that a replay window can be enforced.
    public var signsTimestamp: Bool {
        switch kind {
        case .stripe, .standard, .standardEd25519: return true
        case .github, .shopify: return false
        case .generic(let scheme): return scheme.parts?.contains(.timestamp) ?? false
        }
    }

    /// The header that carries the signature.
    public var signatureHeader: String {
        switch kind {
        case .stripe: return "Stripe-Signature"
        case .standard, .standardEd25519: return "webhook-signature"
        case .github: return "X-Hub-Signature-256"
        case .shopify: return "X-Shopify-Hmac-Sha256"
        case .generic(let scheme): return scheme.signatureHeader
        }
    }

    /// The header that carries the delivery's id, when the scheme has one (Stripe's id is in the body).
    public var idHeader: String? {
        switch kind {
        case .stripe: return nil
        case .standard, .standardEd25519: return "webhook-id"
        case .github: return "X-GitHub-Delivery"
        case .shopify: return "X-Shopify-Webhook-Id"
        case .generic(let scheme): return scheme.idHeader
        }
    }

    /// How long the provider keeps retrying a delivery, which is how long deduplication records must live.
    ///
    /// Stripe: up to three days in live mode; Standard Webhooks' example schedule: 75 h 35 m; Shopify:
    /// 8 retries over 4 h; GitHub: no automatic redelivery, manual redelivery for 3 days
    /// (../shared/research/webhooks.md §3.1). `nil` for a generic scheme (unknown).
    public var retryHorizon: Duration? {
        switch kind {
        case .stripe: return .seconds(3 * 86_400)
        case .standard, .standardEd25519: return .seconds(75 * 3600 + 35 * 60 + 5)
        case .github: return .seconds(3 * 86_400)
        case .shopify: return .seconds(4 * 3600)
        case .generic: return nil
        }
    }
}
