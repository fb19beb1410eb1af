internal import Foundation
internal import FoundationNetworking
internal import Synchronization

/// Fetches feeds over HTTP(S) with `URLSession`, and `file:` URLs from disk.
///
/// No URL cache and no cache policy of its own: the conditional headers the poller adds are sent as
/// given and a 304 comes back as a 304, not as a cached 200. Redirects are followed. Cancelling the
/// task cancels the request at once.
public final class URLSessionFeedFetcher: FeedFetcher, @unchecked Sendable {
    // URLSession is thread-safe; the class holds nothing else mutable.
    private let session: URLSession

    /// Creates a fetcher with its own ephemeral session.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func fetch(_ request: FeedRequest) async throws -> FeedResponse {
        if request.url.isFileURL { return try readFile(request.url) }
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FeedFetchError(code: .unsupportedURL, message: "only http, https and file URLs can be fetched")
        }
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = "GET"
        urlRequest.cachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        urlRequest.timeoutInterval = max(1, SyncTime.seconds(request.timeout))
        for (name, value) in request.headers { urlRequest.addValue(value, forHTTPHeaderField: name) }

        let pending = PendingFetch()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<FeedResponse, any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if let error {
                        let nsError = error as NSError
                        let code: FeedFetchError.Code =
                            nsError.code == NSURLErrorTimedOut ? .timeout : .transport
                        pending.finish(.failure(FeedFetchError(code: code, message: Self.describe(nsError))))
                        return
                    }
                    guard let http = response as? HTTPURLResponse else {
                        pending.finish(.failure(FeedFetchError(code: .transport, message: "no HTTP response")))
                        return
                    }
                    var headers = HTTPHeaders()
                    for (name, value) in http.allHeaderFields {
                        headers.add(name: "\(name)", value: "\(value)")
                    }
                    pending.finish(
                        .success(FeedResponse(status: http.statusCode, headers: headers, body: Array(data ?? Data()))))
                }
                pending.start(task: task, continuation: continuation)
            }
        } onCancel: {
            pending.cancel()
        }
    }

    private func readFile(_ url: URL) throws -> FeedResponse {
        do {
            return FeedResponse(status: 200, body: Array(try Data(contentsOf: url)))
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "does not exist"
            throw FeedFetchError(code: .file, message: "the file \(url.lastPathComponent) \(reason)")
        }
    }

    private static func describe(_ error: NSError) -> String {
        switch error.code {
        case NSURLErrorTimedOut: return "the request timed out"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "the host could not be found"
        case NSURLErrorCannotConnectToHost: return "the connection was refused"
        case NSURLErrorNetworkConnectionLost: return "the connection was lost"
        case NSURLErrorCancelled: return "the request was cancelled"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
            NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid:
            return "the TLS connection failed"
        default: return "the request failed (URL error \(error.code))"
        }
    }
}

/// The one continuation of a fetch, resumed exactly once: by the response, or by cancellation.
private final class PendingFetch: Sendable {
    private struct State {
        var task: URLSessionDataTask?
        var continuation: CheckedContinuation<FeedResponse, any Error>?
        var cancelled = false
        var finished = false
    }

    private let state = Mutex(State())

    func start(task: URLSessionDataTask, continuation: CheckedContinuation<FeedResponse, any Error>) {
        let cancelledAlready = state.withLock { state -> Bool in
            state.task = task
            state.continuation = continuation
            return state.cancelled
        }
        if cancelledAlready {
            task.cancel()
            finish(.failure(CancellationError()))
        } else {
            task.resume()
        }
    }

    func finish(_ result: Result<FeedResponse, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<FeedResponse, any Error>? in
            guard !state.finished, let continuation = state.continuation else { return nil }
            state.finished = true
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }

    func cancel() {
        let task = state.withLock { state -> URLSessionDataTask? in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
        finish(.failure(CancellationError()))
    }
}
