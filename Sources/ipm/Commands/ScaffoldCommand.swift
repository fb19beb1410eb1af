internal import Advisor
internal import Foundation
internal import Knowledge
internal import Scaffold

/// `ipm scaffold`: a Swift starter package for a design, wired to IntegrationPatterns, with passing tests.
enum ScaffoldCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "scaffold",
        abstract: "Generate a Swift package for a design, built on IntegrationPatterns, with tests that pass.",
        discussion: """
            The design comes from --design FILE (saved by ipm design --save or the REPL's save) or from the same
            answer flags as ipm design (asked for on a terminal when missing). Only the components of the design
            are generated: a webhook endpoint (signature, replay window, idempotency, dead letters) for push, the
            feed sync or a cursor poller for pull, an outbox publisher for two-way, a resilient client when the
            design plans for transient errors; each with tests. The package depends on IntegrationPatterns from
            --package-path (default: the ipm checkout this binary was built from) or --package-url.
            An output folder that has files is refused unless --force: then files ipm generated and you did not
            change are updated, files you changed are kept (.ipm/answers.json records their hashes).
            --format json prints {"directory", "design", "name", "files": [{"path", "action"}]}; actions are
            create, update, unchanged and keep.
            """,
        examples: [
            "ipm scaffold --design design.json --name \"Stripe Payments\"",
            "ipm scaffold --kind pull --guarantee at-least-once --errors transient --provider airbnb --out calendar-sync",
            "ipm scaffold --design design.json --out StripePayments --force     # update, keeping your edits",
            "ipm scaffold --design design.json --dry-run",
        ],
        options: DesignCommand.answerOptions + [
            .value(
                "--design", "--answers", valueName: "FILE", help: "A design saved with ipm design --save.",
                completion: .files),
            .value(
                "--name", valueName: "NAME",
                help: "The package's name (made a Swift identifier); default from the provider."),
            .value("--out", valueName: "DIR", help: "Where to write it (default: ./NAME)."),
            .value(
                "--package-path", valueName: "PATH", help: "Depend on the IntegrationPatterns checkout at PATH.",
                completion: .files),
            .value("--package-url", valueName: "URL", help: "Depend on IntegrationPatterns from a git URL instead."),
            .value(
                "--from", valueName: "VERSION", help: "With --package-url, the lowest version (default: this ipm's)."),
            .flag("--dry-run", help: "Show what would be written; write nothing."),
            .flag("--force", help: "Write into a folder that has files, keeping the files you changed."),
            .value("--format", valueName: "format", help: "text (default) or json.", choices: ["text", "json"]),
            .flag("--no-input", help: "Never ask: fail on missing answers, as without a terminal."),
        ],
        run: run)

    /// The root of the ipm checkout this binary was compiled from, when it is still there.
    static var sourceCheckout: String? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let manifest = url.appendingPathComponent("Package.swift").path
        return FileManager.default.fileExists(atPath: manifest) ? url.path : nil
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        // Regenerating: a package made by ipm remembers its answers, name and dependency.
        let previous = try arguments.value("--out").flatMap { try recordedAnswers(in: $0) }
        guard let design = try resolveDesign(arguments, previous: previous, context) else {
            context.err(context.language == .spanish ? "Diseño cancelado.\n" : "Design cancelled.\n")
            return 1
        }
        let dependency = try dependency(arguments, previous: previous?.dependency)
        let raw =
            arguments.value("--name") ?? previous?.name
            ?? arguments.value("--out").map { URL(fileURLWithPath: $0).standardizedFileURL.lastPathComponent }
            ?? defaultName(design)
        let name = ProjectName(raw)
        let directory = URL(fileURLWithPath: arguments.value("--out") ?? name.identifier).standardizedFileURL
        let files = ScaffoldGenerator().files(
            for: ScaffoldRequest(design: design, name: name, dependency: dependency, ipmVersion: CommandTable.version))
        let plan: [ScaffoldWriter.Entry]
        do {
            plan = try ScaffoldWriter.plan(files, in: directory, force: arguments.has("--force"))
            if !arguments.has("--dry-run") { try ScaffoldWriter.write(files, plan: plan, in: directory) }
        } catch {
            switch error.code {
            case .directoryNotEmpty: throw UsageError(error.message, commandPath: arguments.commandPath)
            case .ioError: throw CommandFailure(.ioError, error.message)
            }
        }
        report(plan, directory: directory, design: design, name: name, arguments: arguments, context)
        return 0
    }

    /// The design from `--design` and the answer flags, asking on a terminal for what is missing; `nil` if
    /// the user left the questions.
    static func resolveDesign(_ arguments: ParsedArguments, previous: ScaffoldAnswers?, _ context: Context) throws
        -> Design?
    {
        var answers = try DesignCommand.loadAnswers(arguments)
        if arguments.value("--design") == nil, let previous { answers = previous.answers }
        try DesignCommand.applyFlags(arguments, to: &answers)
        let missing = answers.missingRequired
        if !missing.isEmpty {
            guard context.inputIsTerminal && !arguments.has("--no-input") else {
                let flags = missing.map { QuestionCatalog.question($0).flag }.joined(separator: ", ")
                throw UsageError(
                    "Missing \(missing.count == 1 ? "answer" : "answers"): \(flags). Give --design FILE or the flags; without a terminal they are never assumed.",
                    commandPath: arguments.commandPath)
            }
            guard let asked = DesignCommand.askMissing(answers, context) else { return nil }
            answers = asked
        }
        return DesignEngine.design(for: answers)
    }

    /// Where IntegrationPatterns comes from.
    static func dependency(_ arguments: ParsedArguments, previous: ScaffoldAnswers.Dependency?) throws
        -> PackageDependency
    {
        let path = arguments.value("--package-path")
        let url = arguments.value("--package-url")
        if path != nil && url != nil {
            throw UsageError(
                "Give either --package-path or --package-url, not both.", commandPath: arguments.commandPath)
        }
        if arguments.value("--from") != nil && url == nil {
            throw UsageError("--from goes with --package-url.", commandPath: arguments.commandPath)
        }
        if path == nil && url == nil, let previous {
            if previous.kind == "url" { return .url(previous.location, from: previous.from ?? CommandTable.version) }
            if FileManager.default.fileExists(atPath: previous.location + "/Package.swift") {
                return .path(previous.location)
            }
        }
        if let url {
            guard url.contains("/"), !url.contains(" ") else {
                throw UsageError(
                    "Invalid value '\(url)' for '--package-url': expected a git URL.",
                    commandPath: arguments.commandPath)
            }
            let version = arguments.value("--from") ?? CommandTable.version
            guard version.split(separator: ".").count == 3, version.split(separator: ".").allSatisfy({ Int($0) != nil })
            else {
                throw UsageError(
                    "Invalid value '\(version)' for '--from': expected a version such as 1.2.0.",
                    commandPath: arguments.commandPath)
            }
            return .url(url, from: version)
        }
        guard let location = path ?? sourceCheckout else {
            throw UsageError(
                "This ipm was not built from a checkout that is still on disk: give --package-path or --package-url.",
                commandPath: arguments.commandPath)
        }
        let absolute = URL(fileURLWithPath: location).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: absolute + "/Package.swift") else {
            throw UsageError(
                "Invalid value '\(location)' for '--package-path': no Package.swift there (it must be an ipm checkout).",
                commandPath: arguments.commandPath)
        }
        return .path(absolute)
    }

    /// The `.ipm/answers.json` of a package ipm generated in `directory`, if there is one.
    static func recordedAnswers(in directory: String) throws -> ScaffoldAnswers? {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(ScaffoldAnswers.path).path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(ScaffoldAnswers.self, from: data)
        } catch {
            throw CommandFailure(
                .dataError,
                "\(path): not a valid answers file (\(error.localizedDescription)); move it away to scaffold afresh")
        }
    }

    /// `StripeIntegration`, `AirbnbCalendarSync`, `Integration`.
    static func defaultName(_ design: Design) -> String {
        let provider = ProviderProfile.of(design.answers.provider ?? .genericHTTP)
        if provider.isICalFeed { return provider.name + " calendar sync" }
        return
            (design.answers.provider == nil || design.answers.provider == .genericHTTP
            || design.answers.provider == .other
            ? "" : provider.name + " ") + "integration"
    }

    static func report(
        _ plan: [ScaffoldWriter.Entry], directory: URL, design: Design, name: ProjectName, arguments: ParsedArguments,
        _ context: Context
    ) {
        let dryRun = arguments.has("--dry-run")
        if arguments.value("--format") == "json" {
            let json = Report(
                directory: directory.path, design: design.id, name: name.identifier, dryRun: dryRun,
                files: plan.map { .init(path: $0.path, action: $0.action.rawValue) })
            context.out((try? JSONOutput.encode(json)) ?? "{}\n")
            return
        }
        let es = context.language == .spanish
        let relative = relativePath(directory)
        var text =
            dryRun
            ? (es
                ? "Se escribiría en \(relative) (diseño \(design.id)):\n"
                : "Would write \(relative) (design \(design.id)):\n")
            : (es
                ? "Paquete \(name.identifier) en \(relative) (diseño \(design.id)):\n"
                : "Package \(name.identifier) in \(relative) (design \(design.id)):\n")
        let width = plan.map(\.action.rawValue.count).max() ?? 0
        for entry in plan {
            text +=
                "  " + entry.action.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.path
                + "\n"
        }
        let kept = plan.filter { $0.action == .keep }
        if !kept.isEmpty {
            text +=
                es
                ? "Se han conservado \(kept.count) ficheros que cambiaste; compáralos con `ipm scaffold … --out OTRA` si quieres la versión nueva.\n"
                : "Kept \(kept.count) files you changed; generate into another --out to compare with the new version.\n"
        }
        if !dryRun {
            text += es ? "\nSiguiente:\n" : "\nNext:\n"
            text += "  cd \(relative) && swift build && swift test\n"
        }
        context.out(text)
    }

    /// `directory` relative to the working directory when it is inside it.
    static func relativePath(_ directory: URL) -> String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let path = directory.path
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }

    struct Report: Encodable {
        struct File: Encodable {
            var path: String
            var action: String
        }

        var directory: String
        var design: String
        var name: String
        var dryRun: Bool
        var files: [File]

        enum CodingKeys: String, CodingKey {
            case directory, design, name, files
            case dryRun = "dry_run"
        }
    }
}
