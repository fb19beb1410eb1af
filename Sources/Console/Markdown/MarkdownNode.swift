internal import CCmarkGFM
internal import Foundation

/// A read-only view of one node of cmark-gfm's syntax tree; valid while its document lives.
struct MarkdownNode {
    let pointer: OpaquePointer

    /// cmark-gfm's name for the node type: `paragraph`, `heading`, `table_cell`, `strikethrough`…
    var kind: String { String(cString: cmark_node_get_type_string(pointer)) }

    var children: [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            nodes.append(MarkdownNode(pointer: current))
            child = cmark_node_next(current)
        }
        return nodes
    }

    var literal: String {
        guard let text = cmark_node_get_literal(pointer) else { return "" }
        return String(cString: text)
    }

    var url: String {
        guard let text = cmark_node_get_url(pointer) else { return "" }
        return String(cString: text)
    }

    var fenceInfo: String {
        guard let text = cmark_node_get_fence_info(pointer) else { return "" }
        return String(cString: text)
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var isTaskChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }
    var isHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

    /// Column alignments of a table: `l`, `c`, `r`, or nothing.
    var tableAlignments: [Character?] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard count > 0, let raw = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return (0..<count).map { index in
            let value = raw[index]
            return value == 0 ? nil : Character(UnicodeScalar(value))
        }
    }
}

/// A parsed Markdown document that frees its tree when released.
final class MarkdownDocument {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    let root: MarkdownNode

    /// Parses `markdown` with the GFM extensions the content uses.
    init(_ markdown: String) {
        _ = Self.registered
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        root = MarkdownNode(pointer: cmark_parser_finish(parser)!)
    }

    deinit { cmark_node_free(root.pointer) }
}
