internal import Foundation

/// Files written by commands: whole or not at all.
enum FileOutput {
    /// Writes `data` to `path` through a temporary file renamed into place, so a failure leaves no half-written file.
    static func writeAtomically(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(.ioError, "cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
