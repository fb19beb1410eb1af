public import Foundation

extension Catalog {
    /// The pages embedded in the binary at build time from `Content/`.
    ///
    /// A built-in page that cannot be read is a build defect that the content tests catch; at run time it
    /// is reported in `problems` rather than stopping the tool.
    public static func builtIn() -> Catalog {
        var pages: [Page] = []
        var problems: [FrontMatterError] = []
        let parser = FrontMatterParser()
        for (path, text) in EmbeddedContent.pages {
            guard let language = language(ofPath: path) else { continue }
            do {
                pages.append(try parser.parse(text, language: language, file: "Content/" + path))
            } catch let error as FrontMatterError {
                problems.append(error)
            } catch {
                problems.append(FrontMatterError(file: "Content/" + path, line: 1, message: "\(error)"))
            }
        }
        return Catalog(pages: pages, problems: problems)
    }

    /// The built-in pages plus those of the user's content directory, which add or override pages.
    ///
    /// The directory is `$IPM_CONTENT_DIR`, else `$XDG_CONFIG_HOME/ipm/content`, else
    /// `~/.config/ipm/content`; it holds `en/` and `es/` folders of Markdown pages with front matter.
    public static func load(environment: [String: String]) -> Catalog {
        var catalog = builtIn()
        guard let directory = userContentDirectory(environment: environment) else { return catalog }
        let (pages, problems) = readPages(in: directory)
        for problem in problems { catalog.report(problem) }
        if !pages.isEmpty {
            var all = catalog.pagesByID.values.flatMap(\.values)
            all.append(contentsOf: pages)
            let reported = catalog.problems
            catalog = Catalog(pages: all, problems: reported)
        }
        return catalog
    }

    /// The user's content directory per the environment, whether or not it exists.
    public static func userContentDirectory(environment: [String: String]) -> URL? {
        if let explicit = environment["IPM_CONTENT_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return URL(fileURLWithPath: config, isDirectory: true).appendingPathComponent("ipm/content")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config/ipm/content")
        }
        return nil
    }

    /// Reads `en/*.md` and `es/*.md` under `directory`; unreadable pages become problems.
    static func readPages(in directory: URL) -> (pages: [Page], problems: [FrontMatterError]) {
        var pages: [Page] = []
        var problems: [FrontMatterError] = []
        let fileManager = FileManager.default
        let parser = FrontMatterParser()
        for language in Language.allCases {
            let folder = directory.appendingPathComponent(language.rawValue, isDirectory: true)
            guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".md") {
                let path = folder.appendingPathComponent(name).path
                guard let data = fileManager.contents(atPath: path), let text = String(data: data, encoding: .utf8)
                else {
                    problems.append(FrontMatterError(file: path, line: 1, message: "not readable as UTF-8 text"))
                    continue
                }
                do {
                    pages.append(try parser.parse(text, language: language, file: path, origin: .user(path: path)))
                } catch let error as FrontMatterError {
                    problems.append(error)
                } catch {
                    problems.append(FrontMatterError(file: path, line: 1, message: "\(error)"))
                }
            }
        }
        return (pages, problems)
    }

    private static func language(ofPath path: String) -> Language? {
        guard let folder = path.split(separator: "/").first else { return nil }
        return Language(rawValue: String(folder))
    }
}
