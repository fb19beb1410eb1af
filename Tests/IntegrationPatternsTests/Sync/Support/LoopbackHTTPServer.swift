import Foundation
import IntegrationPatterns
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for the poller's tests, written on POSIX sockets.
///
/// Each request is answered by `handler` (given the request and its 0-based index) and the connection is
/// closed; `.hang` keeps the connection open without answering, for timeouts. Every request is recorded.
final class LoopbackHTTPServer: Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: HTTPHeaders
    }

    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        case hang

        static func text(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Reply {
            .respond(status: status, headers: headers, body: Array(body.utf8))
        }
    }

    private struct State {
        var requests: [Request] = []
        var hanging: [Int32] = []
        var stopped = false
    }

    let port: UInt16
    private let listener: Int32
    private let state = Mutex(State())
    private let handler: @Sendable (Request, Int) -> Reply

    init(handler: @escaping @Sendable (Request, Int) -> Reply) throws {
        self.handler = handler
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw POSIXError(.EIO) }
        var reuse: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socketFD, 16) == 0 else {
            close(socketFD)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = socketFD
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String = "/feed.ics") -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// The requests received so far.
    var requests: [Request] { state.withLock { $0.requests } }

    /// Stops accepting and closes every open connection.
    func stop() {
        let hanging = state.withLock { state -> [Int32]? in
            guard !state.stopped else { return nil }
            state.stopped = true
            return state.hanging
        }
        guard let hanging else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for connection in hanging { close(connection) }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            handle(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while !received.ends(with: terminator) && !containsTerminator(received) {
            let count = read(connection, &buffer, buffer.count)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: received, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.isEmpty ? [] : lines.removeFirst().split(separator: " ").map(String.init)
        var headers = HTTPHeaders()
        for line in lines where !line.isEmpty {
            if let (name, value) = HTTPHeaders.parseLine(line) { headers.add(name: name, value: value) }
        }
        let request = Request(
            method: requestLine.first ?? "", path: requestLine.count > 1 ? requestLine[1] : "", headers: headers)
        let index = state.withLock { state -> Int in
            state.requests.append(request)
            return state.requests.count - 1
        }
        switch handler(request, index) {
        case .hang:
            let keep = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.hanging.append(connection)
                return true
            }
            if !keep { close(connection) }
        case .respond(let status, let extra, let body):
            var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : status == 304 ? "Not Modified" : "Status")\r\n"
            for (name, value) in extra { head += "\(name): \(value)\r\n" }
            if status != 304 { head += "Content-Length: \(body.count)\r\n" }
            head += "Connection: close\r\n\r\n"
            let bytes = Array(head.utf8) + (status == 304 ? [] : body)
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                offset += written
            }
            close(connection)
        }
    }

    private func containsTerminator(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return true
        }
        return false
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
