internal import Foundation

/// Runs async library code from a synchronous command and waits for it.
///
/// Commands are synchronous functions; the library's stores and poller are async. The main thread
/// waits on a semaphore while the work runs on the cooperative pool (nothing here needs the main actor).
enum BlockingAsync {
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
        return try box.result!.get()
    }

    private final class ResultBox<T: Sendable>: @unchecked Sendable {
        // Written once by the task before `signal`, read once after `wait`: the semaphore orders them.
        var result: Result<T, any Error>?
    }
}
