/// A provider-specific HMAC-SHA256 scheme described by its headers and signed content.
///
/// Most providers that do not follow Standard Webhooks sign with HMAC-SHA256 over some mix of a
/// timestamp, an id and the raw body, and send the result in hex or base64 behind an optional prefix.
///
/// ```swift
/// let scheme = GenericHMACScheme(
///     signatureHeader: "X-Signature", signaturePrefix: "sha256=", encoding: .hex,
///     signedContent: "{timestamp}.{body}", timestampHeader: "X-Timestamp")
/// ```
public struct GenericHMACScheme: Sendable, Hashable {
    /// How the signature's bytes are written in the header.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        case hex, base64
    }

    /// How the shared secret's text becomes key bytes.
    public enum SecretEncoding: String, Sendable, Hashable, CaseIterable {
        /// The secret's UTF-8 bytes (GitHub, Shopify, Stripe).
        case utf8
        /// Base64 after an optional `whsec_`-style prefix up to the last underscore (Standard Webhooks).
        case base64
    }

    /// The header carrying the signature.
    public var signatureHeader: String
    /// Text before the encoded signature (`sha256=`), possibly empty.
    public var signaturePrefix: String
    /// How the signature is encoded.
    public var encoding: Encoding
    /// The signed content, with `{body}` (exactly once), and optionally `{timestamp}` and `{id}`.
    public var signedContent: String
    /// The header with the Unix timestamp in seconds, when `{timestamp}` is signed.
    public var timestampHeader: String?
    /// The header with the delivery id, when `{id}` is signed or used for deduplication.
    public var idHeader: String?
    /// How the secret is turned into key bytes.
    public var secretEncoding: SecretEncoding

    /// Creates a scheme; by default a hex signature over the body alone, keyed with the secret's UTF-8.
    public init(
        signatureHeader: String, signaturePrefix: String = "", encoding: Encoding = .hex,
        signedContent: String = "{body}", timestampHeader: String? = nil, idHeader: String? = nil,
        secretEncoding: SecretEncoding = .utf8
    ) {
        self.signatureHeader = signatureHeader
        self.signaturePrefix = signaturePrefix
        self.encoding = encoding
        self.signedContent = signedContent
        self.timestampHeader = timestampHeader
        self.idHeader = idHeader
        self.secretEncoding = secretEncoding
    }

    /// One piece of the signed content.
    enum Part: Hashable {
        case literal([UInt8])
        case timestamp
        case id
        case body
    }

    /// The signed content as parts; `nil` when `{body}` is not there exactly once, or a placeholder is
    /// used without its header.
    var parts: [Part]? {
        var parts: [Part] = []
        var rest = Substring(signedContent)
        var bodies = 0
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.literal(Array(rest[..<open].utf8))) }
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            switch rest[rest.index(after: open)..<close] {
            case "body":
                parts.append(.body)
                bodies += 1
            case "timestamp":
                guard timestampHeader != nil else { return nil }
                parts.append(.timestamp)
            case "id":
                guard idHeader != nil else { return nil }
                parts.append(.id)
            default:
                return nil
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(Array(rest.utf8))) }
        return bodies == 1 ? parts : nil
    }
}
