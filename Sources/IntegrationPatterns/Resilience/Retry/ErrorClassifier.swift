internal import Foundation

/// Sorts failures into transient (worth retrying), timeout (transient, and dearer to the retry budget)
/// and permanent (never retried: log, alert, park). The seed's `isRetryable`, grown up.
///
/// ``default`` follows the seed's error strategy and the AWS guidance of not retrying client errors
/// other than throttling: timeouts, connection failures, 408, 429 and 5xx (except 501 and 505, which
/// a retry cannot fix) are transient; other statuses, cancellation and unknown errors are permanent.
/// An error that conforms to ``ClassifiedError`` is taken at its word. Put your own rules in front with
/// ``overriding(_:)``.
public struct ErrorClassifier: Sendable {
    /// What a failure is.
    public enum Classification: String, Sendable, Hashable, Codable {
        /// May succeed if tried again.
        case transient
        /// A timeout: transient, but the request may have happened (retry only what is idempotent),
        /// and it costs the retry budget more.
        case timeout
        /// Will fail again: do not retry.
        case permanent

        /// Whether a retry can help.
        public var isRetryable: Bool { self != .permanent }
    }

    private let rule: @Sendable (any Error) -> Classification

    /// A classifier from a function of your own.
    public init(_ classify: @escaping @Sendable (any Error) -> Classification) {
        rule = classify
    }

    /// Classifies `error`.
    public func classify(_ error: any Error) -> Classification { rule(error) }

    /// A classifier that asks `predicate` first and falls back to this one when it returns `nil`.
    public func overriding(_ predicate: @escaping @Sendable (any Error) -> Classification?) -> ErrorClassifier {
        let fallback = rule
        return ErrorClassifier { error in predicate(error) ?? fallback(error) }
    }

    /// The seed's rules: see the type's description.
    public static let `default` = ErrorClassifier { error in defaultClassification(of: error) }

    /// Polly's default (`ShouldHandle`: every exception except cancellation): everything is transient
    /// except cancellation, the permanent HTTP statuses and ``ClassifiedError``s that say they are permanent.
    public static let retryingUnknownErrors = ErrorClassifier { error in
        if error is CancellationError { return .permanent }
        if error is any HTTPStatusError || error is any ClassifiedError { return defaultClassification(of: error) }
        let classification = defaultClassification(of: error)
        return classification == .permanent ? .transient : classification
    }

    /// The classification of an HTTP status: 408 is a timeout; 429 and 5xx other than 501 and 505 are
    /// transient; everything else is permanent.
    public static func classify(statusCode: Int) -> Classification {
        switch statusCode {
        case 408: return .timeout
        case 429: return .transient
        case 501, 505: return .permanent
        case 500...599: return .transient
        default: return .permanent
        }
    }

    private static func defaultClassification(of error: any Error) -> Classification {
        switch error {
        case is CancellationError:
            return .permanent
        case let error as any ClassifiedError:
            return error.classification
        case is TimeoutError:
            return .timeout
        case is CircuitOpenError, is RateLimitExceeded:
            return .transient
        case let error as any HTTPStatusError:
            return classify(statusCode: error.statusCode)
        case let error as URLError:
            return classify(urlErrorCode: error.code)
        case let error as POSIXError:
            return classify(posixCode: error.code)
        default:
            break
        }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(nsError.code)) {
            return classify(posixCode: code)
        }
        if nsError.domain == NSURLErrorDomain, let code = URLError.Code(rawValue: nsError.code) as URLError.Code? {
            return classify(urlErrorCode: code)
        }
        return .permanent
    }

    private static func classify(urlErrorCode code: URLError.Code) -> Classification {
        switch code {
        case .timedOut:
            return .timeout
        case .cannotConnectToHost, .networkConnectionLost, .cannotFindHost, .dnsLookupFailed,
            .notConnectedToInternet, .resourceUnavailable, .badServerResponse, .secureConnectionFailed,
            .internationalRoamingOff, .callIsActive, .dataNotAllowed:
            return .transient
        default:
            return .permanent
        }
    }

    private static func classify(posixCode code: POSIXErrorCode) -> Classification {
        switch code {
        case .ETIMEDOUT:
            return .timeout
        case .ECONNRESET, .ECONNREFUSED, .ECONNABORTED, .EPIPE, .ENETDOWN, .ENETUNREACH, .ENETRESET,
            .EHOSTUNREACH, .EHOSTDOWN, .EAGAIN, .EBUSY:
            return .transient
        default:
            return .permanent
        }
    }
}
