//! Markdown escaping for docs pages: table cells, inline text and code fences.

/// Text for one table cell: line breaks folded so the row stays one line, and `|`
/// escaped, inside code spans too (GFM ends a cell at a bare `|` even there).
pub fn cell(text: &str) -> String {
    prose(text, true)
}

/// Prose from the spec on one line, with characters Markdown would act on escaped. A code
/// span the spec writes (`` `202 Accepted` ``) stays one: nothing inside it is live.
pub fn inline(text: &str) -> String {
    prose(text, false)
}

fn prose(text: &str, in_cell: bool) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(folded.len());
    let mut rest = folded.as_str();
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            if let Some(len) = closing_run(&rest[ticks..], ticks) {
                let span = &rest[..ticks + len + ticks];
                out.push_str(&if in_cell { span.replace('|', "\\|") } else { span.to_owned() });
                rest = &rest[span.len()..];
                continue;
            }
            // An unclosed run is literal text: escape each backtick.
            out.push_str(&"\\`".repeat(ticks));
            rest = &rest[ticks..];
            continue;
        }
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Where a backtick run of exactly `n` closes a code span in `text`: the length of the code.
fn closing_run(text: &str, n: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let start = i;
            while i < bytes.len() && bytes[i] == b'`' {
                i += 1;
            }
            if i - start == n && start > 0 {
                return Some(start);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Inline code: a backtick run longer than any inside, padded when the code touches it.
pub fn code(text: &str) -> String {
    let ticks = "`".repeat(longest_run(text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{ticks}{pad}{}{pad}{ticks}", text.replace('\n', " "))
}

/// Inline code inside a table cell, where `|` would end the cell even in a code span.
pub fn code_cell(text: &str) -> String {
    code(text).replace('|', "\\|")
}

/// A code fence that no line of `body` can close: longer than any backtick run in it.
pub fn fence(body: &str) -> String {
    "`".repeat((longest_run(body, '`') + 1).max(3))
}

fn longest_run(text: &str, ch: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for c in text.chars() {
        cur = if c == ch { cur + 1 } else { 0 };
        best = best.max(cur);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(inline("*not* <b>"), "\\*not\\* \\<b\\>");
        // A code span stays one, inert inside; an unclosed backtick is literal.
        assert_eq!(inline("returns `202 Accepted` *now*"), "returns `202 Accepted` \\*now\\*");
        assert_eq!(inline("a `<b>|c` d"), "a `<b>|c` d");
        assert_eq!(cell("a `b|c` d"), "a `b\\|c` d");
        assert_eq!(inline("odd ` tick"), "odd \\` tick");
        assert_eq!(inline("``a`b`` x"), "``a`b`` x");
        assert_eq!(inline("``"), "\\`\\`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(fence("x ``` y"), "````");
        assert_eq!(fence("plain"), "```");
        assert_eq!(code_cell("a|b"), "`a\\|b`");
    }
}
