import Foundation
import IntegrationPatterns
import Testing

@Suite("Error classification")
struct ErrorClassifierTests {
    struct Unknown: Error {}
    struct Validation: Error {}

    @Test(
        "HTTP statuses: 408 timeout; 429 and 5xx transient except 501 and 505; other 4xx permanent",
        arguments: [
            (408, ErrorClassifier.Classification.timeout), (429, .transient), (500, .transient), (502, .transient),
            (503, .transient), (504, .transient), (599, .transient), (501, .permanent), (505, .permanent),
            (400, .permanent), (401, .permanent), (403, .permanent), (404, .permanent), (409, .permanent),
            (422, .permanent), (200, .permanent),
        ])
    func statuses(status: Int, expected: ErrorClassifier.Classification) {
        #expect(ErrorClassifier.classify(statusCode: status) == expected)
        #expect(ErrorClassifier.default.classify(HTTPResponseError(statusCode: status)) == expected)
    }

    @Test("timeouts, connection errors, rejections and cancellation")
    func errorKinds() {
        let classifier = ErrorClassifier.default
        #expect(classifier.classify(TimeoutError(limit: .seconds(1))) == .timeout)
        #expect(classifier.classify(URLError(.timedOut)) == .timeout)
        #expect(classifier.classify(URLError(.cannotConnectToHost)) == .transient)
        #expect(classifier.classify(URLError(.networkConnectionLost)) == .transient)
        #expect(classifier.classify(URLError(.badURL)) == .permanent)
        #expect(classifier.classify(POSIXError(.ECONNRESET)) == .transient)
        #expect(classifier.classify(POSIXError(.ECONNREFUSED)) == .transient)
        #expect(classifier.classify(POSIXError(.ETIMEDOUT)) == .timeout)
        #expect(classifier.classify(POSIXError(.ENOENT)) == .permanent)
        #expect(classifier.classify(CircuitOpenError(name: "x", retryAfter: nil, isIsolated: false)) == .transient)
        #expect(classifier.classify(RateLimitExceeded(key: "k", retryAfter: nil)) == .transient)
        #expect(classifier.classify(CancellationError()) == .permanent)
        #expect(classifier.classify(Unknown()) == .permanent)
        #expect(!ErrorClassifier.Classification.permanent.isRetryable)
        #expect(ErrorClassifier.Classification.timeout.isRetryable)
    }

    @Test("a predicate overrides the rules and falls back to them; Polly's default retries unknown errors")
    func overriding() {
        let classifier = ErrorClassifier.default.overriding { error in
            if error is Unknown { return .transient }
            if let http = error as? HTTPResponseError, http.statusCode == 409 { return .transient }
            return nil
        }
        #expect(classifier.classify(Unknown()) == .transient)
        #expect(classifier.classify(HTTPResponseError(statusCode: 409)) == .transient)
        #expect(classifier.classify(Validation()) == .permanent)
        #expect(classifier.classify(HTTPResponseError(statusCode: 503)) == .transient)
        let polly = ErrorClassifier.retryingUnknownErrors
        #expect(polly.classify(Unknown()) == .transient)
        #expect(polly.classify(HTTPResponseError(statusCode: 404)) == .permanent)
        #expect(polly.classify(CancellationError()) == .permanent)
    }
}
