/// Lays out a GFM table with box drawing, fitting columns to the width and wrapping cells.
///
/// Columns get their natural width when everything fits. Otherwise every column keeps at least its longest
/// word and the remaining space goes to the columns that want more, in proportion. When even the longest
/// words do not fit side by side, each column gets at least a few columns (`minimumColumnWidth`) and its
/// long words are broken inside the cell, so the grid stays intact. Only when that does not fit either is
/// the table shown as one block per row ("Header: value"). Nothing is ever wider than the width.
struct TableLayout {
    let options: RenderOptions
    let inlineRenderer: BlockLayout

    /// The narrowest a column is made before the table falls back to one block per row.
    static let minimumColumnWidth = 8

    private struct Cell {
        var spans: [Span]
        var naturalWidth: Int
        var longestWord: Int
    }

    func lines(_ table: MarkdownNode, width: Int) -> [StyledLine] {
        let alignments = table.tableAlignments
        let rowNodes = table.children
        var rows: [[Cell]] = []
        var headerRows = 0
        for row in rowNodes {
            let isHeader = row.isHeaderRow
            if isHeader { headerRows += 1 }
            rows.append(
                row.children.map { cellNode in
                    let spans = inlineRenderer.inlines(cellNode, base: isHeader ? Theme.tableHeader : .plain)
                    let text = spans.map(\.text).joined()
                    return Cell(
                        spans: spans, naturalWidth: DisplayWidth.of(text),
                        longestWord: text.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0)
                })
        }
        let columnCount = max(alignments.count, rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return [] }
        for index in rows.indices where rows[index].count < columnCount {
            rows[index] += Array(
                repeating: Cell(spans: [], naturalWidth: 0, longestWord: 0), count: columnCount - rows[index].count)
        }

        let available = width - (3 * columnCount + 1)
        let natural = (0..<columnCount).map { column in max(1, rows.map { $0[column].naturalWidth }.max() ?? 1) }
        let minimum = (0..<columnCount).map { column in max(1, rows.map { $0[column].longestWord }.max() ?? 1) }
        let widths: [Int]
        if natural.reduce(0, +) <= available {
            widths = natural
        } else if minimum.reduce(0, +) <= available {
            widths = distribute(available: available, minimum: minimum, natural: natural)
        } else {
            var floor = natural.map { min($0, Self.minimumColumnWidth) }
            guard floor.reduce(0, +) <= available else {
                return records(rows, headerCount: headerRows, width: width)
            }
            // Spare the columns whose longest word is nearly there first, so only the longest words break.
            var spare = available - floor.reduce(0, +)
            for column in floor.indices.sorted(by: { minimum[$0] - floor[$0] < minimum[$1] - floor[$1] }) {
                let deficit = max(0, minimum[column] - floor[column])
                let given = min(deficit, spare)
                floor[column] += given
                spare -= given
            }
            widths = distribute(available: available, minimum: floor, natural: natural)
        }

        let cellLines: [[[StyledLine]]] = rows.map { row in
            row.enumerated().map { column, cell in LineWrapper(width: widths[column]).wrap(cell.spans) }
        }
        let bodyWraps = cellLines.dropFirst(headerRows).contains { $0.contains { $0.count > 1 } }

        var output: [StyledLine] = [border("┌", "┬", "┐", widths)]
        for (rowIndex, row) in cellLines.enumerated() {
            let height = row.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                var line = StyledLine("│", Theme.border)
                for column in 0..<columnCount {
                    let content = lineIndex < row[column].count ? row[column][lineIndex] : StyledLine()
                    line.append(Span(" "))
                    line.append(
                        contentsOf: aligned(content, width: widths[column], alignment: alignment(alignments, column)))
                    line.append(Span(" "))
                    line.append(Span("│", Theme.border))
                }
                output.append(line)
            }
            let isLast = rowIndex == cellLines.count - 1
            if !isLast && (rowIndex == headerRows - 1 || (rowIndex >= headerRows && bodyWraps)) {
                output.append(border("├", "┼", "┤", widths))
            }
        }
        output.append(border("└", "┴", "┘", widths))
        return output
    }

    private func alignment(_ alignments: [Character?], _ column: Int) -> Character? {
        column < alignments.count ? alignments[column] : nil
    }

    private func border(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> StyledLine {
        let segments = widths.map { String(repeating: "─", count: $0 + 2) }
        return StyledLine(left + segments.joined(separator: middle) + right, Theme.border)
    }

    private func aligned(_ line: StyledLine, width: Int, alignment: Character?) -> StyledLine {
        let missing = max(0, width - line.width)
        let left: Int
        switch alignment {
        case "r": left = missing
        case "c": left = missing / 2
        default: left = 0
        }
        var result = StyledLine(String(repeating: " ", count: left))
        result.append(contentsOf: line)
        return result.padded(to: width)
    }

    /// Gives each column its minimum, then shares what is left in proportion to what each still wants.
    private func distribute(available: Int, minimum: [Int], natural: [Int]) -> [Int] {
        var widths = minimum
        let spare = available - minimum.reduce(0, +)
        let wants = zip(natural, minimum).map { max(0, $0 - $1) }
        let totalWant = wants.reduce(0, +)
        guard spare > 0, totalWant > 0 else { return widths }
        var shares = wants.map { Double($0) * Double(spare) / Double(totalWant) }
        for index in widths.indices {
            let whole = min(wants[index], Int(shares[index]))
            widths[index] += whole
            shares[index] -= Double(whole)
        }
        var left = available - widths.reduce(0, +)
        for index in shares.indices.sorted(by: { shares[$0] > shares[$1] }) where left > 0 {
            if widths[index] < natural[index] {
                widths[index] += 1
                left -= 1
            }
        }
        return widths
    }

    /// The table as one block per row: "Header: value" lines, rows separated by a rule.
    private func records(_ rows: [[Cell]], headerCount: Int, width: Int) -> [StyledLine] {
        let headers = headerCount > 0 ? rows[0].map { $0.spans.map(\.text).joined() } : []
        var output: [StyledLine] = []
        for (index, row) in rows.dropFirst(headerCount).enumerated() {
            if index > 0 { output.append(StyledLine(String(repeating: "─", count: min(width, 20)), Theme.border)) }
            for (column, cell) in row.enumerated() {
                var spans: [Span] = []
                if column < headers.count, !headers[column].isEmpty {
                    spans.append(Span(headers[column] + ":", Theme.tableHeader))
                    spans.append(Span(" "))
                }
                spans.append(contentsOf: cell.spans)
                output.append(contentsOf: LineWrapper(width: width).wrap(spans))
            }
        }
        return output
    }
}
