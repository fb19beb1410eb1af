import Advisor
import Foundation
import IntegrationPatterns
import Testing

@testable import Scaffold

@Suite("Scaffold writer")
struct ScaffoldWriterTests {
    /// A fresh folder path that does not exist yet, inside a fresh parent.
    static func folder() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent.appendingPathComponent("Package")
    }

    static func generated(_ version: String) -> [GeneratedFile] {
        [
            GeneratedFile(path: "Package.swift", contents: "// manifest \(version)\n"),
            GeneratedFile(path: "Sources/App/App.swift", contents: "// app \(version)\n"),
            GeneratedFile(path: "Sources/App/Handlers.swift", contents: "// handlers \(version)\n"),
        ]
    }

    /// The generated files plus an answers file recording their hashes, as the generator makes it.
    static func withAnswers(_ files: [GeneratedFile]) throws -> [GeneratedFile] {
        let answers = ScaffoldAnswers(
            ipmVersion: "test", designID: "d", name: "App", dependency: .init(kind: "path", location: "/x", from: nil),
            answers: .init(), files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, sha256($0.contents)) }))
        let data = try JSONEncoder().encode(answers)
        return files + [GeneratedFile(path: ScaffoldAnswers.path, contents: String(decoding: data, as: UTF8.self))]
    }

    static func sha256(_ text: String) -> String {
        SHA256Digest.hex(Array(text.utf8))
    }

    @Test("a new package is created whole, with nothing left beside it")
    func create() throws {
        let folder = try Self.folder()
        let files = try Self.withAnswers(Self.generated("v1"))
        let plan = try ScaffoldWriter.plan(files, in: folder, force: false)
        #expect(plan.allSatisfy { $0.action == .create })
        try ScaffoldWriter.write(files, plan: plan, in: folder)
        #expect(
            try String(contentsOf: folder.appendingPathComponent("Sources/App/App.swift"), encoding: .utf8)
                == "// app v1\n")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(siblings == ["Package"])
    }

    @Test("a folder with files is refused without --force, and nothing is written")
    func refuse() throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "mine".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: ScaffoldError.self) { try ScaffoldWriter.plan(Self.generated("v1"), in: folder, force: false) }
        do {
            _ = try ScaffoldWriter.plan(Self.generated("v1"), in: folder, force: false)
        } catch {
            #expect(error.code == .directoryNotEmpty)
            #expect(error.message.contains("--force"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test("with --force: untouched files are updated, files the user changed are kept, identical ones left alone")
    func update() throws {
        let folder = try Self.folder()
        let first = try Self.withAnswers(Self.generated("v1"))
        try ScaffoldWriter.write(first, plan: try ScaffoldWriter.plan(first, in: folder, force: false), in: folder)
        let handlers = folder.appendingPathComponent("Sources/App/Handlers.swift")
        try "// handlers v1, with my code\n".write(to: handlers, atomically: true, encoding: .utf8)

        var next = Self.generated("v2")
        next[0] = GeneratedFile(path: "Package.swift", contents: "// manifest v1\n")
        next = try Self.withAnswers(next + [GeneratedFile(path: "Tests/AppTests/New.swift", contents: "// new\n")])
        let plan = try ScaffoldWriter.plan(next, in: folder, force: true)
        let actions = Dictionary(uniqueKeysWithValues: plan.map { ($0.path, $0.action) })
        #expect(actions["Package.swift"] == .unchanged)
        #expect(actions["Sources/App/App.swift"] == .update)
        #expect(actions["Sources/App/Handlers.swift"] == .keep)
        #expect(actions["Tests/AppTests/New.swift"] == .create)
        #expect(actions[ScaffoldAnswers.path] == .update)
        try ScaffoldWriter.write(next, plan: plan, in: folder)
        #expect(try String(contentsOf: handlers, encoding: .utf8) == "// handlers v1, with my code\n")
        #expect(
            try String(contentsOf: folder.appendingPathComponent("Sources/App/App.swift"), encoding: .utf8)
                == "// app v2\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Tests/AppTests/New.swift").path))
    }

    @Test("a file that cannot be written is an I/O error and leaves no package behind")
    func ioError() throws {
        let folder = try Self.folder()
        let files = [
            GeneratedFile(path: "ok.txt", contents: "x"), GeneratedFile(path: "ok.txt/below.txt", contents: "y"),
        ]
        let plan = try ScaffoldWriter.plan(files, in: folder, force: false)
        #expect(throws: ScaffoldError.self) { try ScaffoldWriter.write(files, plan: plan, in: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path).isEmpty)
    }
}
