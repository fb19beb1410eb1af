// ipm-bench: in-process benchmarks of IntegrationPatterns, driven by Benchmarks/run.py.
//
// Usage: ipm-bench <case> [arguments…]
// Each case runs its work for a while and prints one JSON object on stdout, at least {"ops_per_sec": N}.
// Cases are registered in `BenchmarkCases.all`; each lives in its own file in this folder.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let run = BenchmarkCases.all[name] else {
    let names = BenchmarkCases.all.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: ipm-bench <case> [arguments…]; cases: \(names)\n".utf8))
    exit(64)
}
do {
    let result = try await run(Array(arguments.dropFirst()))
    let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("ipm-bench \(name): \(error)\n".utf8))
    exit(1)
}
