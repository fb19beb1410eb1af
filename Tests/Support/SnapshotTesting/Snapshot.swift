public import Foundation
public import Testing

/// Compares `actual` with the snapshot file `Snapshots/name` next to the calling test file.
///
/// With `RECORD_SNAPSHOTS=1` the file is (re)written and the test fails, so that re-recording is never
/// silent; a missing snapshot is recorded the same way.
public func assertSnapshot(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation,
    filePath: String = #filePath
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(name); check it and run the tests again.", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var firstDifference = 0
        while firstDifference < min(expectedLines.count, actualLines.count),
            expectedLines[firstDifference] == actualLines[firstDifference]
        {
            firstDifference += 1
        }
        let expectedLine = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
        let actualLine = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
        Issue.record(
            """
            Snapshot \(name) differs at line \(firstDifference + 1):
              expected: \(expectedLine)
              actual:   \(actualLine)
            Run with RECORD_SNAPSHOTS=1 to re-record if the change is intended.
            """, sourceLocation: sourceLocation)
    }
}

/// The text of the fixture `Fixtures/name` next to the calling test file.
public func fixture(_ name: String, filePath: String = #filePath) throws -> String {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}
