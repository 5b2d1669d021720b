//! Markdown escaping for docs pages: table cells, inline text and code fences.

/// Text for one table cell: line breaks folded so the row stays one line, and `|`
/// escaped (as [`inline`] does everywhere).
pub fn cell(text: &str) -> String {
    inline(text)
}

/// Prose from the spec on one line, with characters Markdown would act on escaped.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
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
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(fence("x ``` y"), "````");
        assert_eq!(fence("plain"), "```");
        assert_eq!(code_cell("a|b"), "`a\\|b`");
    }
}
