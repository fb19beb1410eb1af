internal import Foundation

/// Runs async library code from a synchronous command and waits for it.
///
/// Commands run on the main thread, outside Swift concurrency's cooperative pool, so blocking it while
/// a task does the work cannot starve that task.
enum AsyncBridge {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.result = .success(try await body())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        // The task always stores a result before signalling.
        guard let result = box.result else { throw CommandFailure(.internalError, "a task ended without a result") }
        return try result.get()
    }
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, any Error>?
    var result: Result<T, any Error>? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
