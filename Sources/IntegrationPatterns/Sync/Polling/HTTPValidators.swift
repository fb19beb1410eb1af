/// The validators a server gave for a feed, sent back verbatim to make the next request conditional.
///
/// RFC 9110 §13.1: `ETag` returns as `If-None-Match`, `Last-Modified` as `If-Modified-Since`; an unchanged
/// resource then answers 304 with no body. Both are echoed exactly as received, never rebuilt from
/// local clocks. They are committed only together with the reconciliation of the body they describe, so
/// a crash between the two can never hide an unprocessed version behind a 304.
public struct HTTPValidators: Sendable, Hashable, Codable {
    /// The `ETag` header of the last applied response.
    public var etag: String?
    /// The `Last-Modified` header of the last applied response.
    public var lastModified: String?

    /// Creates validators.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// The validators in a response's headers.
    public init(responseHeaders headers: HTTPHeaders) {
        self.init(
            etag: headers["ETag"].flatMap(Self.nonEmpty), lastModified: headers["Last-Modified"].flatMap(Self.nonEmpty))
    }

    /// Whether there is nothing to send.
    public var isEmpty: Bool { etag == nil && lastModified == nil }

    /// The conditional request headers: `If-None-Match` and `If-Modified-Since` (both when both are known;
    /// a server that supports ETags ignores the date, RFC 9110 §13.1.3).
    public var requestHeaders: HTTPHeaders {
        var headers = HTTPHeaders()
        if let etag { headers.add(name: "If-None-Match", value: etag) }
        if let lastModified { headers.add(name: "If-Modified-Since", value: lastModified) }
        return headers
    }

    private static func nonEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }
}
