//! A small syntax highlighter for the HTML preview: strings, comments, numbers and each
//! language's keywords (the naming modules' keyword lists, not the names a snippet
//! declares), HTML-escaped as it goes.

use crate::target::Language;

const EXTRA_JS: &[&str] = &["const", "let", "await", "async"];

pub(crate) fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn span(class: &str, text: &str, out: &mut String) {
    out.push_str("<span class=\"");
    out.push_str(class);
    out.push_str("\">");
    escape(text, out);
    out.push_str("</span>");
}

/// HTML for `code`: every character escaped, tokens wrapped in `<span class="…">`
/// (`kw`, `str`, `com`, `num`).
///
/// One pass over the text, slicing it rather than copying a character at a time: every
/// docs page and preview and each `serve` answer goes through here.
pub fn highlight(language: Language, code: &str) -> String {
    let r = language.spec();
    // Words with dashes: PowerShell's cmdlets and the CLI's commands and options.
    let dashed = r.dashed_words;
    let in_word = |c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '-' && dashed;
    // The byte offset where the first character failing `keep` at or after `from` starts.
    let run_end = |from: usize, keep: &dyn Fn(char) -> bool| code[from..].find(|c: char| !keep(c)).map_or(code.len(), |p| from + p);
    let mut out = String::with_capacity(code.len() * 2);
    let mut i = 0;
    while let Some(c) = code[i..].chars().next() {
        let rest = &code[i..];
        if r.line_comments.iter().any(|m| rest.starts_with(*m)) {
            let end = rest.find('\n').map_or(code.len(), |p| i + p);
            span("com", &code[i..end], &mut out);
            i = end;
        } else if r.quotes.contains(&c) {
            let mut chars = rest.char_indices().skip(1);
            let mut end = code.len();
            while let Some((p, d)) = chars.next() {
                if d == c || d == '\n' {
                    end = i + p + d.len_utf8();
                    break;
                }
                if d == '\\' && language != Language::PowerShell {
                    chars.next();
                }
            }
            span("str", &code[i..end], &mut out);
            i = end;
        } else if c.is_ascii_digit() {
            let end = run_end(i, &|d: char| d.is_ascii_alphanumeric() || d == '.');
            span("num", &code[i..end], &mut out);
            i = end;
        } else if c.is_alphabetic() || c == '_' || c == '$' || c == '-' && dashed {
            let end = run_end(i, &in_word);
            let word = &code[i..end];
            let is_kw = r.keywords.contains(&word) || language == Language::JavaScript && EXTRA_JS.contains(&word);
            if is_kw {
                span("kw", word, &mut out);
            } else {
                escape(word, &mut out);
            }
            i = end;
        } else {
            escape(&rest[..c.len_utf8()], &mut out);
            i += c.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_wrapped_and_text_escaped() {
        let h = highlight(Language::CSharp, "var x = \"<a>\"; // done");
        assert_eq!(h, "var x = <span class=\"str\">&quot;&lt;a&gt;&quot;</span>; <span class=\"com\">// done</span>");
        let h = highlight(Language::JavaScript, "const a = 'it\\'s';");
        assert!(h.starts_with("<span class=\"kw\">const</span> a = <span class=\"str\">&#39;it\\&#39;s&#39;</span>"), "{h}");
        assert!(highlight(Language::PowerShell, "$p = 'a''b'").contains("<span class=\"str\">"));
    }

    #[test]
    fn only_keywords_are_keywords_not_the_names_a_snippet_declares() {
        let js = highlight(Language::JavaScript, "const client = Client.init(options);");
        assert_eq!(js, "<span class=\"kw\">const</span> client = Client.init(options);");
        let objc = highlight(Language::ObjC, "NSError *error; [urlRequest setHTTPMethod:@\"POST\"]; return nil;");
        assert!(!objc.contains(">error<") && !objc.contains(">urlRequest<"), "{objc}");
        assert!(objc.contains("<span class=\"kw\">return</span>") && objc.contains("<span class=\"kw\">nil</span>"), "{objc}");
        let go = highlight(Language::Go, "if err := context.Background(); err != nil {}");
        assert!(go.starts_with("<span class=\"kw\">if</span> err := context."), "{go}");
    }
}
