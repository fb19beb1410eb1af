import Foundation
import Glibc
import Testing

// glibc declares these only under _XOPEN_SOURCE / _GNU_SOURCE, which the Glibc module does not set.
@_silgen_name("posix_openpt") private func c_posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func c_grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func c_unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func c_ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>?
/// glibc's POSIX_SPAWN_SETSID (spawn.h).
private let spawnSetSID: Int16 = 0x80

/// Runs the `ipm` binary on a pseudo-terminal, as a user at a real terminal would: a new session with
/// the terminal as its controlling terminal, so colour, width, line editing and Ctrl-C behave for real.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    private var buffer = [UInt8]()
    private var consumed = 0  // bytes of `buffer` already matched by `read(until:)`

    /// Starts `ipm arguments…` on a new terminal of `columns` × `rows`.
    init(_ arguments: [String], environment: [String: String], columns: UInt16 = 80, rows: UInt16 = 24) throws {
        let master = c_posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, c_grantpt(master) == 0, c_unlockpt(master) == 0, let name = c_ptsname(master) else {
            throw PseudoTerminalError.cannotOpen
        }
        let slavePath = String(cString: name)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, spawnSetSID)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opening the terminal as a session leader makes it the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)

        let argv = ([IPM.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child = pid_t()
        let status = posix_spawn(&child, IPM.binary.path, &actions, &attributes, argv, envp)
        guard status == 0 else { throw PseudoTerminalError.cannotSpawn(status) }
        self.master = master
        self.pid = child

    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, WNOHANG)
        close(master)
    }

    /// Types `text` at the terminal, once the program's line editor has it.
    ///
    /// A person types after the prompt is ready; libedit writes its prompt a moment before it puts the
    /// terminal in its editing mode, and keys that arrive in between are read by the terminal's cooked
    /// mode instead (a Ctrl-D there is a canonical end-of-file the editor never sees). So this waits until
    /// the terminal is non-canonical, which it is exactly while the editor reads.
    func type(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var settings = termios()
        let deadline = Date().addingTimeInterval(20)
        while tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
            guard Date() < deadline else {
                Issue.record("the line editor never took the terminal", sourceLocation: sourceLocation)
                break
            }
            _ = poll(nil, 0, 1)
        }
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads what the program wrote until `needle` appears after what was already consumed (or the
    /// program exits, or the timeout passes); records a test issue when it never appears.
    @discardableResult
    func read(
        until needle: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let unread = String(decoding: buffer[consumed...], as: UTF8.self)
            if let range = unread.range(of: needle) {
                consumed += unread[..<range.upperBound].utf8.count
                return output
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready > 0 {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = Glibc.read(master, &chunk, chunk.count)
                if count <= 0 { break }
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
        Issue.record(
            "'\(needle)' never appeared; the terminal shows:\n\(String(output.suffix(600)))",
            sourceLocation: sourceLocation)
        return output
    }

    /// Everything the program has written so far.
    var output: String { String(decoding: buffer, as: UTF8.self) }

    /// Waits for the program to exit and returns its status, reading its remaining output.
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain(for: 0.1)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                drain(for: 0.2)
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
        }
        return nil
    }

    /// Reads whatever arrives during `seconds`.
    private func drain(for seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = Glibc.read(master, &chunk, chunk.count)
            if count <= 0 { return }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}

enum PseudoTerminalError: Error {
    case cannotOpen
    case cannotSpawn(Int32)
}
