internal import Foundation

/// A delivery's signature headers read according to its scheme: what was signed around the body, the
/// signatures offered, and the signed timestamp and id.
///
/// Header values are parsed as UTF-8 bytes (every structural character is ASCII): verification sits on
/// the hot path of every webhook, and character-by-character `String` work would cost more than the HMAC.
struct SignedDelivery: ~Copyable {
    /// What is signed before the body (`{t}.` for Stripe, `{id}.{t}.` for Standard Webhooks).
    var before = SignedAffix.none
    /// Bytes signed after the body (generic schemes only).
    var after: [UInt8] = []
    /// How the candidate signatures are written.
    enum Encoding {
        case hex, base64
    }

    /// The header value that holds the candidate signatures.
    var source = ""
    /// The byte ranges, within `source`, of the encoded signatures of the expected scheme and version.
    ///
    /// They are compared in their encoded form with the expected MAC encoded the same way (as the
    /// providers' own libraries do), so nothing is decoded or allocated per candidate.
    var candidates = SignatureRanges()
    /// How the candidates are encoded.
    var encoding = Encoding.hex
    /// The signed Unix timestamp, if the scheme signs one.
    var timestamp: Int64?
    /// The delivery id, when the scheme sends one in a header.
    var id: String? {
        if case .idAndTimestamp(let id, _) = before { return id }
        return headerID
    }
    /// The id header of schemes that do not sign it (GitHub, Shopify, generic).
    private var headerID: String?

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
            let value = try Self.required(headers.firstValue("x-hub-signature-256"), "X-Hub-Signature-256")
            guard value.hasPrefix("sha256=") else {
                throw WebhookVerificationError(
                    .noMatchingSignature, "X-Hub-Signature-256 does not start with 'sha256='")
            }
            source = value
            candidates.append(Self.trimmedRange(value, from: 7))
            headerID = headers["X-GitHub-Delivery"]
        case .shopify:
            let value = try Self.required(headers.firstValue("x-shopify-hmac-sha256"), "X-Shopify-Hmac-Sha256")
            source = value
            candidates.append(Self.trimmedRange(value, from: 0))
            encoding = .base64
            headerID = headers["X-Shopify-Webhook-Id"]
        case .generic(let generic):
            try readGeneric(generic, headers)
        }
    }

    private mutating func readStripe(_ headers: HTTPHeaders) throws(WebhookVerificationError) {
        let value = headers.firstValue("stripe-signature")
        var signedTimestamp: Int64?
        var sawAnySignature = false
        var malformed: String?
        var found = SignatureRanges()
        try Self.read(value, "Stripe-Signature") { bytes in
            // Items are `key=value`, separated by commas; scanned in place, without splitting into arrays.
            var start = 0
            while start <= bytes.count {
                let end = Self.offset(of: UInt8(ascii: ","), in: bytes, from: start) ?? bytes.count
                let item = bytes[start..<end]
                start = end + 1
                guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else {
                    malformed = "Stripe-Signature has an item without '='"
                    return
                }
                let key = Self.trimmed(item[..<equals])
                let content = Self.trimmed(item[(equals + 1)...])
                if key.count == 1 && key.first == UInt8(ascii: "t") {
                    // Signed as the integer prints, without leading zeros (as Stripe's libraries do).
                    guard let seconds = Self.integer(content) else {
                        malformed = "Stripe-Signature's t= is not a Unix timestamp"
                        return
                    }
                    signedTimestamp = seconds
                } else if key.count == 2 && key.first == UInt8(ascii: "v") && key.last == UInt8(ascii: "1") {
                    sawAnySignature = true
                    found.append(content.startIndex..<content.endIndex)
                } else {
                    sawAnySignature = true  // v0 and future schemes are ignored
                }
            }
        }
        if let malformed { throw WebhookVerificationError(.malformedHeader, malformed) }
        guard let signedTimestamp else {
            throw WebhookVerificationError(.malformedHeader, "Stripe-Signature has no t= timestamp")
        }
        guard !found.isEmpty else {
            throw WebhookVerificationError(
                .noMatchingSignature,
                sawAnySignature
                    ? "Stripe-Signature has no v1 signature (v0 is test mode's legacy scheme and is ignored)"
                    : "Stripe-Signature has no signature at all")
        }
        source = value!
        candidates = found
        timestamp = signedTimestamp
        before = .timestamp(signedTimestamp)
    }

    private mutating func readStandard(_ headers: HTTPHeaders, version: StaticString)
        throws(WebhookVerificationError)
    {
        // Svix sends the same headers with an svix- prefix.
        var found = headers.firstValues(("webhook-signature", "webhook-id", "webhook-timestamp"))
        let svix = found.0 == nil && headers["svix-signature"] != nil
        if svix { found = headers.firstValues(("svix-signature", "svix-id", "svix-timestamp")) }
        let prefix = svix ? "svix-" : "webhook-"
        // Each header is read in one borrow of its bytes, which also checks that it is there and not
        // blank, in the order a missing one is reported: signature, id, timestamp.
        var signatures = SignatureRanges()
        try Self.read(found.0, svix ? "svix-signature" : "webhook-signature") { bytes in
            version.withUTF8Buffer { versionBytes in
                // Entries are `version,signature`, separated by spaces; scanned in place.
                var start = 0
                while start < bytes.count {
                    let end = Self.offset(of: UInt8(ascii: " "), in: bytes, from: start) ?? bytes.count
                    let entry = bytes[start..<end]
                    start = end + 1
                    guard let comma = entry.firstIndex(of: UInt8(ascii: ",")) else { continue }
                    guard entry[..<comma].elementsEqual(versionBytes) else { continue }  // other versions are ignored
                    signatures.append((comma + 1)..<end)
                }
            }
        }
        let dotted = try Self.read(found.1, svix ? "svix-id" : "webhook-id") {
            Self.offset(of: UInt8(ascii: "."), in: $0, from: 0) != nil
        }
        let parsed = try Self.read(found.2, svix ? "svix-timestamp" : "webhook-timestamp") {
            Self.integer(Self.trimmed($0))
        }
        guard let timestamp = parsed else {
            throw WebhookVerificationError(.malformedHeader, "\(prefix)timestamp is not a Unix timestamp in seconds")
        }
        guard !dotted else {
            throw WebhookVerificationError(
                .malformedHeader, "\(prefix)id contains '.', which would make the signed content ambiguous")
        }
        guard !signatures.isEmpty else {
            throw WebhookVerificationError(.noMatchingSignature, "\(prefix)signature has no '\(version),' signature")
        }
        source = found.0!
        candidates = signatures
        encoding = .base64
        self.timestamp = timestamp
        before = .idAndTimestamp(found.1!, timestamp)
    }

    private mutating func readGeneric(_ scheme: GenericHMACScheme, _ headers: HTTPHeaders)
        throws(WebhookVerificationError)
    {
        guard let parts = scheme.parts else {
            throw WebhookVerificationError(.invalidSecret, "the scheme's signed content must contain {body} once")
        }
        let value = try Self.required(headers, scheme.signatureHeader)
        guard value.hasPrefix(scheme.signaturePrefix) else {
            throw WebhookVerificationError(
                .noMatchingSignature, "\(scheme.signatureHeader) does not start with '\(scheme.signaturePrefix)'")
        }
        source = value
        candidates.append(Self.trimmedRange(value, from: scheme.signaturePrefix.utf8.count))
        encoding = scheme.encoding == .hex ? .hex : .base64
        if let header = scheme.idHeader { headerID = headers[header] }
        var seenBody = false
        var prefix: [UInt8] = []
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
                guard let seconds = Self.withBytes(text, { Self.integer(Self.trimmed($0)) }) else {
                    throw WebhookVerificationError(
                        .malformedHeader, "\(scheme.timestampHeader!) is not a Unix timestamp")
                }
                timestamp = seconds
                bytes = Array(String(seconds).utf8)
            case .id:
                bytes = Array(try Self.required(headers, scheme.idHeader!).utf8)
            }
            if seenBody { after += bytes } else { prefix += bytes }
        }
        before = .bytes(prefix)
    }

    /// The value of the header `name`, which must be there and not blank.
    private static func required(_ headers: HTTPHeaders, _ name: String) throws(WebhookVerificationError) -> String {
        try required(headers[name], name)
    }

    /// `value`, the header `name`'s, which must be there and not blank.
    private static func required(_ value: String?, _ name: some CustomStringConvertible)
        throws(WebhookVerificationError) -> String
    {
        try read(value, name) { _ in }
        return value!
    }

    /// Runs `body` over the bytes of `value`, the header `name`'s, which must be there and not blank: one
    /// borrow of the string serves the check and the parse.
    private static func read<R>(
        _ value: String?, _ name: some CustomStringConvertible, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) throws(WebhookVerificationError) -> R {
        guard let value else {
            throw WebhookVerificationError(.missingHeader, "no \(name) header")
        }
        let result: R? = withBytes(value) { bytes in
            bytes.contains { $0 != 0x20 && $0 != 0x09 } ? body(bytes) : nil
        }
        guard let result else {
            throw WebhookVerificationError(.malformedHeader, "\(name) is empty")
        }
        return result
    }

    /// Runs `body` over the UTF-8 bytes of `text` without copying them.
    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The byte range of `text` from `offset`, without surrounding spaces.
    private static func trimmedRange(_ text: String, from offset: Int) -> Range<Int> {
        withBytes(text) { bytes in
            let trimmed = Self.trimmed(bytes[min(offset, bytes.count)...])
            return trimmed.startIndex..<trimmed.endIndex
        }
    }

    /// Runs `body` over the header bytes that hold the candidate signatures, and their ranges.
    func withCandidates<R>(_ body: (UnsafeBufferPointer<UInt8>, SignatureRanges) -> R) -> R {
        Self.withBytes(source) { body($0, candidates) }
    }

    /// Runs `body` over the bytes signed before and after the body, laid out on the stack.
    func withAffixes<R>(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> R) -> R {
        after.withUnsafeBytes { after in before.withBytes { body($0, after) } }
    }

    /// The offset of the first `byte` in `bytes` at or after `start` (memchr: these scans run per delivery).
    static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// `bytes` without leading and trailing spaces and tabs (and a trailing CR).
    static func trimmed<C: BidirectionalCollection>(_ bytes: C) -> C.SubSequence where C.Element == UInt8 {
        var slice = bytes[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
        return slice
    }

    /// A non-negative decimal integer of at most 18 digits, or `nil`.
    static func integer<C: Collection>(_ bytes: C) -> Int64? where C.Element == UInt8 {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }
}
