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
    out.push_str(&format!("<span class=\"{class}\">"));
    escape(text, out);
    out.push_str("</span>");
}

/// HTML for `code`: every character escaped, tokens wrapped in `<span class="…">`
/// (`kw`, `str`, `com`, `num`).
pub fn highlight(language: Language, code: &str) -> String {
    let r = language.spec();
    // Words with dashes: PowerShell's cmdlets and the CLI's commands and options.
    let dashed = r.dashed_words;
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..chars.len().min(i + 3)].iter().collect();
        if r.line_comments.iter().any(|c| rest.starts_with(*c)) {
            let end = chars[i..].iter().position(|&c| c == '\n').map_or(chars.len(), |p| i + p);
            span("com", &chars[i..end].iter().collect::<String>(), &mut out);
            i = end;
        } else if r.quotes.contains(&chars[i]) {
            let q = chars[i];
            let mut j = i + 1;
            while j < chars.len() && chars[j] != q && chars[j] != '\n' {
                if chars[j] == '\\' && language != Language::PowerShell {
                    j += 1;
                }
                j += 1;
            }
            let end = (j + 1).min(chars.len());
            span("str", &chars[i..end].iter().collect::<String>(), &mut out);
            i = end;
        } else if chars[i].is_ascii_digit() {
            let end = chars[i..].iter().position(|c| !c.is_ascii_alphanumeric() && *c != '.').map_or(chars.len(), |p| i + p);
            span("num", &chars[i..end].iter().collect::<String>(), &mut out);
            i = end;
        } else if chars[i].is_alphabetic() || chars[i] == '_' || chars[i] == '$' || chars[i] == '-' && dashed {
            let end = chars[i..]
                .iter()
                .position(|c| !(c.is_alphanumeric() || *c == '_' || *c == '$' || *c == '-' && dashed))
                .map_or(chars.len(), |p| i + p);
            let word: String = chars[i..end].iter().collect();
            let is_kw = r.keywords.contains(&word.as_str()) || language == Language::JavaScript && EXTRA_JS.contains(&word.as_str());
            if is_kw {
                span("kw", &word, &mut out);
            } else {
                escape(&word, &mut out);
            }
            i = end;
        } else {
            escape(&chars[i].to_string(), &mut out);
            i += 1;
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
