public import Foundation

/// One GET of a feed.
public struct FeedRequest: Sendable, Hashable {
    /// The feed's URL (`https:`, `http:` or `file:`). A credential: never log it (see ``PersonalDataMasker/redact(_:)``).
    public var url: URL
    /// Extra request headers (the conditional ones from ``HTTPValidators``, a User-Agent).
    public var headers: HTTPHeaders
    /// How long the whole exchange may take.
    public var timeout: Duration

    /// Creates a request.
    public init(url: URL, headers: HTTPHeaders = HTTPHeaders(), timeout: Duration = .seconds(20)) {
        self.url = url
        self.headers = headers
        self.timeout = timeout
    }
}

/// What came back: status (200 for a file that was read), headers and the raw body bytes.
public typealias FeedResponse = HTTPResponse

/// Why a fetch produced no response at all.
public struct FeedFetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No answer within the timeout.
        public static let timeout = Code(rawValue: "timeout")
        /// The connection failed (refused, reset, DNS, TLS).
        public static let transport = Code(rawValue: "transport")
        /// A `file:` feed could not be read.
        public static let file = Code(rawValue: "file")
        /// The URL's scheme is not one the fetcher handles.
        public static let unsupportedURL = Code(rawValue: "unsupported_url")
        /// No HTTP client is available (libcurl is not installed).
        public static let unavailable = Code(rawValue: "unavailable")
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence for a person (never the feed's URL, which is a credential).
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// Performs the GET of a feed; ``CurlFeedFetcher`` is the real one, tests plug in their own.
///
/// A fetcher returns any HTTP status as a ``FeedResponse`` (the poller decides what a 503 or a 304 means)
/// and throws ``FeedFetchError`` only when there is no response. It must honour task cancellation, which
/// is how the poller's timeout stops it.
public protocol FeedFetcher: Sendable {
    /// Fetches `request.url`.
    func fetch(_ request: FeedRequest) async throws -> FeedResponse
}
