internal import CCurl
internal import Foundation
internal import Synchronization

/// Fetches feeds over HTTP(S) with libcurl, and `file:` URLs from disk.
///
/// libcurl is loaded the first time a URL is fetched (`dlopen("libcurl.so.4")`), not linked: linking it,
/// directly or through Foundation's `URLSession`, costs every start of a static binary about 5 ms to load
/// libcurl's dependencies, fetch or not. Without the libcurl4 package, fetching a URL fails with a clear
/// error and files still work.
///
/// Redirects are followed (at most 5, http and https only), compressed bodies are decoded, certificates
/// are verified, and nothing is cached: the conditional headers the poller adds go out as given and a 304
/// comes back as a 304. The request runs on its own thread; cancelling the task abandons it at once and
/// libcurl stops at its next progress callback.
public struct CurlFeedFetcher: FeedFetcher {
    /// Creates a fetcher.
    public init() {}

    /// Whether libcurl could be loaded (so http and https URLs can be fetched).
    public static var isAvailable: Bool { CCurl_available() != 0 }

    public func fetch(_ request: FeedRequest) async throws -> FeedResponse {
        if request.url.isFileURL { return try Self.readFile(request.url) }
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FeedFetchError(code: .unsupportedURL, message: "only http, https and file URLs can be fetched")
        }
        guard Self.isAvailable else {
            throw FeedFetchError(
                code: .unavailable,
                message: "fetching URLs needs libcurl (the libcurl4 package), which is not installed")
        }
        let transfer = CurlTransfer(request: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<FeedResponse, any Error>) in
                transfer.start(continuation)
            }
        } onCancel: {
            transfer.cancel()
        }
    }

    private static func readFile(_ url: URL) throws -> FeedResponse {
        do {
            return FeedResponse(status: 200, body: Array(try Data(contentsOf: url)))
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "does not exist"
            throw FeedFetchError(code: .file, message: "the file \(url.lastPathComponent) \(reason)")
        }
    }
}

/// One request: the state libcurl's callbacks write into, and the continuation resumed exactly once.
private final class CurlTransfer: Sendable {
    private struct State {
        var body: [UInt8] = []
        var headers = HTTPHeaders()
        var continuation: CheckedContinuation<FeedResponse, any Error>?
        var cancelled = false
        var finished = false
    }

    // libcurl option numbers (curl/curl.h; see the CCurl shim).
    private enum Option {
        static let writeData: Int32 = 10_001
        static let url: Int32 = 10_002
        static let writeFunction: Int32 = 20_011
        static let httpHeader: Int32 = 10_023
        static let headerData: Int32 = 10_029
        static let noProgress: Int32 = 43
        static let followLocation: Int32 = 52
        static let xferInfoData: Int32 = 10_057
        static let maxRedirects: Int32 = 68
        static let headerFunction: Int32 = 20_079
        static let noSignal: Int32 = 99
        static let acceptEncoding: Int32 = 10_102
        static let timeoutMilliseconds: Int32 = 155
        static let connectTimeoutMilliseconds: Int32 = 156
        static let xferInfoFunction: Int32 = 20_219
        static let protocols: Int32 = 10_318
        static let redirectProtocols: Int32 = 10_319
    }

    // libcurl result codes (curl/curl.h CURLcode).
    private enum Code {
        static let couldNotResolveHost: Int32 = 6
        static let couldNotConnect: Int32 = 7
        static let timedOut: Int32 = 28
        static let sslConnect: Int32 = 35
        static let abortedByCallback: Int32 = 42
        static let tooManyRedirects: Int32 = 47
        static let peerVerification: Int32 = 60
    }

    private let request: FeedRequest
    private let state = Mutex(State())

    init(request: FeedRequest) { self.request = request }

    func start(_ continuation: CheckedContinuation<FeedResponse, any Error>) {
        let cancelled = state.withLock { state -> Bool in
            state.continuation = continuation
            return state.cancelled
        }
        if cancelled {
            finish(.failure(CancellationError()))
            return
        }
        // curl_easy_perform blocks: run it on a thread of its own, never on the cooperative pool.
        let thread = Thread { [self] in perform() }
        thread.start()
    }

    func cancel() {
        state.withLock { $0.cancelled = true }
        finish(.failure(CancellationError()))
    }

    private func finish(_ result: Result<FeedResponse, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<FeedResponse, any Error>? in
            guard !state.finished, let continuation = state.continuation else { return nil }
            state.finished = true
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }

    private func perform() {
        guard let handle = CCurl_easy_init() else {
            finish(.failure(FeedFetchError(code: .transport, message: "libcurl could not start a transfer")))
            return
        }
        defer { CCurl_cleanup(handle) }
        var headerList: UnsafeMutableRawPointer?
        for (name, value) in request.headers {
            headerList = CCurl_slist_append(headerList, "\(name): \(value)")
        }
        defer { CCurl_slist_free_all(headerList) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let timeout = max(1, Int(SyncTime.seconds(request.timeout) * 1_000))
        let url = request.url.absoluteString
        let code: Int32 = url.withCString { url in
            "http,https".withCString { protocols in
                "".withCString { anyEncoding in
                    _ = CCurl_setopt_pointer(handle, Option.url, url)
                    _ = CCurl_setopt_pointer(handle, Option.httpHeader, headerList)
                    _ = CCurl_setopt_long(handle, Option.followLocation, 1)
                    _ = CCurl_setopt_long(handle, Option.maxRedirects, 5)
                    _ = CCurl_setopt_pointer(handle, Option.protocols, protocols)
                    _ = CCurl_setopt_pointer(handle, Option.redirectProtocols, protocols)
                    _ = CCurl_setopt_pointer(handle, Option.acceptEncoding, anyEncoding)
                    _ = CCurl_setopt_long(handle, Option.noSignal, 1)
                    _ = CCurl_setopt_long(handle, Option.timeoutMilliseconds, timeout)
                    _ = CCurl_setopt_long(handle, Option.connectTimeoutMilliseconds, min(timeout, 10_000))
                    _ = CCurl_setopt_data_callback(handle, Option.writeFunction, curlWrite)
                    _ = CCurl_setopt_pointer(handle, Option.writeData, context)
                    _ = CCurl_setopt_data_callback(handle, Option.headerFunction, curlHeader)
                    _ = CCurl_setopt_pointer(handle, Option.headerData, context)
                    _ = CCurl_setopt_long(handle, Option.noProgress, 0)
                    _ = CCurl_setopt_progress_callback(handle, Option.xferInfoFunction, curlProgress)
                    _ = CCurl_setopt_pointer(handle, Option.xferInfoData, context)
                    return CCurl_perform(handle)
                }
            }
        }
        guard code == 0 else {
            finish(.failure(Self.error(code)))
            return
        }
        let status = Int(CCurl_response_code(handle))
        let response = state.withLock { FeedResponse(status: status, headers: $0.headers, body: $0.body) }
        finish(.success(response))
    }

    private static func error(_ code: Int32) -> any Error {
        switch code {
        case Code.timedOut: return FeedFetchError(code: .timeout, message: "the request timed out")
        case Code.abortedByCallback: return CancellationError()
        case Code.couldNotResolveHost: return FeedFetchError(code: .transport, message: "the host could not be found")
        case Code.couldNotConnect: return FeedFetchError(code: .transport, message: "the connection was refused")
        case Code.sslConnect, Code.peerVerification:
            return FeedFetchError(code: .transport, message: "the TLS connection failed")
        case Code.tooManyRedirects: return FeedFetchError(code: .transport, message: "too many redirects")
        default:
            let text = CCurl_strerror(code).map { String(cString: $0) } ?? "error \(code)"
            return FeedFetchError(code: .transport, message: "the request failed (libcurl: \(text))")
        }
    }

    // MARK: - Callbacks (on the transfer's thread)

    fileprivate func received(_ bytes: UnsafeRawBufferPointer) -> Bool {
        state.withLock { state in
            state.body.append(contentsOf: bytes)
            return !state.cancelled
        }
    }

    fileprivate func receivedHeader(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        state.withLock { state in
            // A new status line starts the headers of the next response (after a redirect or a 100).
            if trimmed.hasPrefix("HTTP/") {
                state.headers = HTTPHeaders()
            } else if let (name, value) = HTTPHeaders.parseLine(trimmed) {
                state.headers.add(name: name, value: value)
            }
        }
    }

    fileprivate var isCancelled: Bool { state.withLock { $0.cancelled } }
}

private func curlWrite(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    return transfer.received(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private func curlHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    transfer.receivedHeader(line)
    return length
}

private func curlProgress(_ context: UnsafeMutableRawPointer?, _: Int64, _: Int64, _: Int64, _: Int64) -> Int32 {
    guard let context else { return 0 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
