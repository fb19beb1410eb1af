internal import Foundation

/// An output file descriptor written with `write(2)`; a closed pipe ends the process quietly.
final class OutputStream: @unchecked Sendable {
    let fileDescriptor: Int32

    init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// Writes all of `text`; on EPIPE (the reader went away, as with `| head`) exits 0 at once.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { exit(0) }
                    return
                }
                offset += written
            }
        }
    }
}
