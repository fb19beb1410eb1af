/// A delivery's signature headers read according to its scheme: what was signed around the body, the
/// signatures offered, and the signed timestamp and id.
struct SignedDelivery {
    /// Bytes signed before the body (`{t}.` for Stripe, `{id}.{t}.` for Standard Webhooks).
    var before: [UInt8] = []
    /// Bytes signed after the body (generic schemes only).
    var after: [UInt8] = []
    /// The decodable signatures of the expected scheme and version.
    var signatures: [[UInt8]] = []
    /// The signed Unix timestamp, if the scheme signs one.
    var timestamp: Int64?
    /// The delivery id, when the scheme sends one in a header.
    var id: String?

    /// Reads the headers for `scheme`; throws when they are missing, malformed or hold no signature of
    /// the expected kind.
    init(scheme: WebhookScheme, headers: HTTPHeaders) throws(WebhookVerificationError) {
        switch scheme.kind {
        case .stripe:
            try readStripe(headers)
        case .standard:
            try readStandard(headers, version: "v1")
        case .standardEd25519:
            try readStandard(headers, version: "v1a")
        case .github:
            let value = try Self.required(headers, "X-Hub-Signature-256")
            guard value.hasPrefix("sha256=") else {
                throw WebhookVerificationError(.noMatchingSignature, "X-Hub-Signature-256 does not start with 'sha256='")
            }
            signatures = Hex.decode(value.dropFirst(7)).map { [$0] } ?? []
            id = headers["X-GitHub-Delivery"]
            if signatures.isEmpty { signatures = [[]] }  // present but undecodable: a mismatch, not a missing one
        case .shopify:
            let value = try Self.required(headers, "X-Shopify-Hmac-Sha256")
            signatures = [Base64.decode(value.trimmingSpaces()) ?? []]
            id = headers["X-Shopify-Webhook-Id"]
        case .generic(let generic):
            try readGeneric(generic, headers)
        }
    }

    private mutating func readStripe(_ headers: HTTPHeaders) throws(WebhookVerificationError) {
        let value = try Self.required(headers, "Stripe-Signature")
        var timestamp: Int64?
        var sawAnySignature = false
        for item in value.split(separator: ",") {
            guard let equals = item.firstIndex(of: "=") else {
                throw WebhookVerificationError(.malformedHeader, "Stripe-Signature has an item without '=': '\(item)'")
            }
            let key = item[..<equals].trimmingSpaces()
            let content = item[item.index(after: equals)...].trimmingSpaces()
            switch key {
            case "t":
                guard let seconds = Int64(content) else {
                    throw WebhookVerificationError(.malformedHeader, "Stripe-Signature's t= is not a Unix timestamp")
                }
                timestamp = seconds
            case "v1":
                sawAnySignature = true
                // An undecodable v1 is kept as an empty candidate: it can only fail to match.
                signatures.append(Hex.decode(content) ?? [])
            default:
                sawAnySignature = true  // v0 and future schemes are ignored
            }
        }
        guard let timestamp else {
            throw WebhookVerificationError(.malformedHeader, "Stripe-Signature has no t= timestamp")
        }
        guard !signatures.isEmpty else {
            throw WebhookVerificationError(
                .noMatchingSignature,
                sawAnySignature ? "Stripe-Signature has no v1 signature (v0 is test mode's legacy scheme and is ignored)"
                    : "Stripe-Signature has no signature at all")
        }
        self.timestamp = timestamp
        before = Array("\(timestamp).".utf8)
    }

    private mutating func readStandard(_ headers: HTTPHeaders, version: String) throws(WebhookVerificationError) {
        // Svix sends the same headers with an svix- prefix.
        let prefix = headers["webhook-signature"] == nil && headers["svix-signature"] != nil ? "svix-" : "webhook-"
        let id = try Self.required(headers, prefix + "id")
        let timestampText = try Self.required(headers, prefix + "timestamp")
        let value = try Self.required(headers, prefix + "signature")
        guard let timestamp = Int64(timestampText.trimmingSpaces()) else {
            throw WebhookVerificationError(.malformedHeader, "\(prefix)timestamp is not a Unix timestamp in seconds")
        }
        guard !id.contains(".") else {
            throw WebhookVerificationError(.malformedHeader, "\(prefix)id contains '.', which would make the signed content ambiguous")
        }
        for entry in value.split(separator: " ") {
            guard let comma = entry.firstIndex(of: ",") else { continue }
            guard entry[..<comma] == version else { continue }  // other versions are ignored
            signatures.append(Base64.decode(entry[entry.index(after: comma)...]) ?? [])
        }
        guard !signatures.isEmpty else {
            throw WebhookVerificationError(.noMatchingSignature, "\(prefix)signature has no '\(version),' signature")
        }
        self.timestamp = timestamp
        self.id = id
        before = Array("\(id).\(timestamp).".utf8)
    }

    private mutating func readGeneric(_ scheme: GenericHMACScheme, _ headers: HTTPHeaders) throws(WebhookVerificationError) {
        guard let parts = scheme.parts else {
            throw WebhookVerificationError(.invalidSecret, "the scheme's signed content must contain {body} once")
        }
        let value = try Self.required(headers, scheme.signatureHeader)
        guard value.hasPrefix(scheme.signaturePrefix) else {
            throw WebhookVerificationError(
                .noMatchingSignature, "\(scheme.signatureHeader) does not start with '\(scheme.signaturePrefix)'")
        }
        let encoded = value.dropFirst(scheme.signaturePrefix.count).trimmingSpaces()
        signatures = [(scheme.encoding == .hex ? Hex.decode(encoded) : Base64.decode(encoded)) ?? []]
        if let header = scheme.idHeader { id = headers[header] }
        var seenBody = false
        for part in parts {
            var bytes: [UInt8]
            switch part {
            case .literal(let literal):
                bytes = literal
            case .body:
                seenBody = true
                continue
            case .timestamp:
                let text = try Self.required(headers, scheme.timestampHeader!)
                guard let seconds = Int64(text.trimmingSpaces()) else {
                    throw WebhookVerificationError(.malformedHeader, "\(scheme.timestampHeader!) is not a Unix timestamp")
                }
                timestamp = seconds
                bytes = Array(String(seconds).utf8)
            case .id:
                bytes = Array(try Self.required(headers, scheme.idHeader!).utf8)
            }
            if seenBody { after += bytes } else { before += bytes }
        }
    }

    private static func required(_ headers: HTTPHeaders, _ name: String) throws(WebhookVerificationError) -> String {
        guard let value = headers[name] else {
            throw WebhookVerificationError(.missingHeader, "no \(name) header")
        }
        guard !value.allSatisfy({ $0 == " " }) else {
            throw WebhookVerificationError(.malformedHeader, "\(name) is empty")
        }
        return value
    }
}

extension StringProtocol {
    func trimmingSpaces() -> Substring {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
        return slice
    }
}
