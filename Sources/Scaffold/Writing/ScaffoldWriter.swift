public import Foundation
internal import IntegrationPatterns

/// Writes a generated package without ever overwriting a file the user changed.
///
/// A folder with files in it is refused unless `force`; with `force`, each file is created if missing,
/// left alone if identical, updated if it still has the contents ipm generated last time (its hash is in
/// `.ipm/answers.json`), and kept — reported, not overwritten — if the user changed it. Every file is
/// written atomically (a temporary file renamed into place).
public enum ScaffoldWriter {
    /// What happens to one file.
    public enum Action: String, Sendable, Hashable, Codable {
        /// It does not exist yet: written.
        case create
        /// It is as ipm generated it last time: replaced by the new version.
        case update
        /// It already has exactly these contents.
        case unchanged
        /// The user changed it since it was generated: kept as it is.
        case keep
    }

    /// One planned file.
    public struct Entry: Sendable, Hashable {
        /// The path inside the package.
        public var path: String
        /// What happens to it.
        public var action: Action
    }

    /// What writing `files` into `directory` would do.
    public static func plan(_ files: [GeneratedFile], in directory: URL, force: Bool) throws(ScaffoldError) -> [Entry] {
        let manager = FileManager.default
        let existing = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        if !existing.isEmpty && !force {
            throw ScaffoldError(
                .directoryNotEmpty,
                "'\(directory.path)' is not empty: choose another --out, or --force to update it (files you changed are kept)"
            )
        }
        let recorded = recordedHashes(in: directory)
        return files.map { file in
            let url = directory.appendingPathComponent(file.path)
            guard let data = manager.contents(atPath: url.path) else { return Entry(path: file.path, action: .create) }
            let current = String(decoding: data, as: UTF8.self)
            if current == file.contents { return Entry(path: file.path, action: .unchanged) }
            if file.path == ScaffoldAnswers.path || recorded[file.path] == SHA256Digest.hex(Array(data)) {
                return Entry(path: file.path, action: .update)
            }
            return Entry(path: file.path, action: .keep)
        }
    }

    /// Writes the files the plan creates or updates.
    ///
    /// A new package (the folder missing or empty) is written whole in a staging folder beside it and
    /// renamed into place, so a failure leaves no half-written package. An update writes each file
    /// atomically.
    public static func write(_ files: [GeneratedFile], plan: [Entry], in directory: URL) throws(ScaffoldError) {
        let manager = FileManager.default
        let actions = Dictionary(uniqueKeysWithValues: plan.map { ($0.path, $0.action) })
        let chosen = files.filter { actions[$0.path] == .create || actions[$0.path] == .update }
        let existing = try? manager.contentsOfDirectory(atPath: directory.path)
        guard existing?.isEmpty ?? true else {
            for file in chosen { try writeFile(file, in: directory) }
            return
        }
        let staging = directory.deletingLastPathComponent()
            .appendingPathComponent(".\(directory.lastPathComponent).ipm-\(UUID().uuidString.prefix(8))")
        do {
            for file in chosen { try writeFile(file, in: staging) }
            if existing != nil { try manager.removeItem(at: directory) }
            try manager.moveItem(at: staging, to: directory)
        } catch {
            try? manager.removeItem(at: staging)
            if let error = error as? ScaffoldError { throw error }
            throw ScaffoldError(.ioError, "cannot create '\(directory.path)': \(error.localizedDescription)")
        }
    }

    private static func writeFile(_ file: GeneratedFile, in directory: URL) throws(ScaffoldError) {
        let url = directory.appendingPathComponent(file.path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
        } catch {
            throw ScaffoldError(.ioError, "cannot write '\(url.path)': \(error.localizedDescription)")
        }
    }

    private static func recordedHashes(in directory: URL) -> [String: String] {
        let url = directory.appendingPathComponent(ScaffoldAnswers.path)
        guard let data = FileManager.default.contents(atPath: url.path),
            let answers = try? JSONDecoder().decode(ScaffoldAnswers.self, from: data)
        else { return [:] }
        return answers.files
    }
}
