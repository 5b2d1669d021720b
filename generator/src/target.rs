//! The registry of snippet targets: every language and SDK generation as data, read by the command line, `sdkgen.toml`, `serve`, the manifest, the docs tabs, the highlighter and the file headers.
//!
//! A language is one [`Language`] variant and one [`LanguageSpec`] row; its ids, file
//! extension, comment syntax and generations are nowhere else. Ids are parsed here and
//! only here ([`Language::parse`], [`Style::parse`]), so an unknown one is refused with
//! the same list of known ones by every door.

use crate::lang;
use std::fmt;

/// The snippet languages: the reference page's, in its tab order (HTTP first), then
/// Python, PHP and the Graph CLI, which only today's docs have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    Http,
    CSharp,
    JavaScript,
    ObjC,
    Java,
    Go,
    PowerShell,
    Python,
    Php,
    Cli,
}

/// Which SDK generation a snippet targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// The SDKs of the reference page's era, in the page's layout.
    Page,
    /// Today's Kiota-generated SDKs, in the layout of today's docs snippets.
    Current,
}

/// How a file of some kind starts its header comment (see [`crate::output::header`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentSyntax {
    /// `// …`
    Slash,
    /// `# …`
    Hash,
    /// `<!-- … -->`
    Html,
    /// `/* … */`
    Block,
    /// `<?php /* … */ ?>`: a complete PHP block before the snippet's own `<?php` (a `//`
    /// line there would be output text).
    PhpBlock,
}

impl CommentSyntax {
    /// Every syntax, so that a header written in any of them is recognised as sdkgen's.
    pub const ALL: [CommentSyntax; 5] =
        [CommentSyntax::Slash, CommentSyntax::Hash, CommentSyntax::Html, CommentSyntax::Block, CommentSyntax::PhpBlock];

    /// What a comment of this syntax opens with, up to its text.
    pub fn open(self) -> &'static str {
        match self {
            CommentSyntax::Slash => "// ",
            CommentSyntax::Hash => "# ",
            CommentSyntax::Html => "<!-- ",
            CommentSyntax::Block => "/* ",
            CommentSyntax::PhpBlock => "<?php /* ",
        }
    }

    /// The syntax of a generated file with extension `ext` (snippets by their language's
    /// row; the Rust crate, docs and other files by their format).
    pub fn for_extension(ext: &str) -> CommentSyntax {
        if let Some(l) = Language::ALL.into_iter().find(|l| l.ext() == ext) {
            return l.spec().comment;
        }
        match ext {
            "toml" | "yaml" => CommentSyntax::Hash,
            "md" | "html" => CommentSyntax::Html,
            "css" => CommentSyntax::Block,
            _ => CommentSyntax::Slash,
        }
    }
}

/// Everything the generator and its tests know of a language, as data.
#[derive(Debug)]
pub struct LanguageSpec {
    /// The docs pipeline's tab id (`#tab/csharp`), also used in file names, `--lang`,
    /// `sdkgen.toml`, `serve`'s `lang` and the manifest.
    pub id: &'static str,
    /// The snippet files' extension.
    pub ext: &'static str,
    /// The tab's title on a docs page.
    pub title: &'static str,
    /// The fenced-code-block info string of its include file: the CLI's blocks are `bash`
    /// in the docs repository.
    pub fence: &'static str,
    /// The snippet file's header comment.
    pub comment: CommentSyntax,
    /// The generations it has a snippet in: Objective-C only the page's (no Kiota SDK);
    /// Python, PHP and the CLI only today's; HTTP and JavaScript are the same in both.
    pub styles: &'static [Style],
    /// Keywords the preview highlights (the naming modules' keyword lists).
    pub keywords: &'static [&'static str],
    /// What starts a line comment, for the highlighter.
    pub line_comments: &'static [&'static str],
    /// The string quotes, for the highlighter.
    pub quotes: &'static [char],
    /// Whether a word may hold `-` (PowerShell's cmdlets, the CLI's commands and options).
    pub dashed_words: bool,
}

/// Names users type for a language, and what sdkgen calls it (or the flag that does it).
const NEAR_MISSES: &[(&str, &str)] = &[
    ("rust", "the Rust client is generated with `--rust`, not a snippet language"),
    ("rs", "the Rust client is generated with `--rust`, not a snippet language"),
    ("c#", "csharp"),
    ("cs", "csharp"),
    ("dotnet", "csharp"),
    ("js", "javascript"),
    ("ts", "javascript"),
    ("typescript", "javascript"),
    ("node", "javascript"),
    ("objective-c", "objc"),
    ("objectivec", "objc"),
    ("golang", "go"),
    ("ps", "powershell"),
    ("ps1", "powershell"),
    ("pwsh", "powershell"),
    ("py", "python"),
    ("mgc", "cli"),
    ("bash", "cli"),
    ("shell", "cli"),
    ("sh", "cli"),
    ("curl", "http"),
];

const BOTH: &[Style] = &[Style::Page, Style::Current];
const PAGE: &[Style] = &[Style::Page];
const CURRENT: &[Style] = &[Style::Current];

/// PowerShell's keywords as the preview highlights them (its naming module reserves by
/// other rules: cmdlet parameters, not keywords).
const POWERSHELL_KEYWORDS: &[&str] = &["Import-Module", "function", "param", "if", "else", "foreach", "return", "$true", "$false", "$null"];

/// One row per [`Language`], in its order ([`Language::spec`] indexes it).
static SPECS: [LanguageSpec; 10] = [
    LanguageSpec {
        id: "http",
        ext: "http",
        title: "HTTP",
        fence: "http",
        comment: CommentSyntax::Hash,
        styles: BOTH,
        keywords: &["POST", "GET", "PATCH", "PUT", "DELETE", "HTTP"],
        line_comments: &[],
        quotes: &['"'],
        dashed_words: false,
    },
    LanguageSpec {
        id: "csharp",
        ext: "cs",
        title: "C#",
        fence: "csharp",
        comment: CommentSyntax::Slash,
        styles: BOTH,
        keywords: lang::csharp::KEYWORDS,
        line_comments: &["//"],
        quotes: &['"'],
        dashed_words: false,
    },
    LanguageSpec {
        id: "javascript",
        ext: "js",
        title: "JavaScript",
        fence: "javascript",
        comment: CommentSyntax::Slash,
        styles: BOTH,
        keywords: lang::javascript::KEYWORDS,
        line_comments: &["//"],
        quotes: &['\'', '"', '`'],
        dashed_words: false,
    },
    LanguageSpec {
        id: "objc",
        ext: "m",
        title: "Objective-C",
        fence: "objc",
        comment: CommentSyntax::Slash,
        styles: PAGE,
        keywords: lang::objc::KEYWORDS,
        line_comments: &["//"],
        quotes: &['"'],
        dashed_words: false,
    },
    LanguageSpec {
        id: "java",
        ext: "java",
        title: "Java",
        fence: "java",
        comment: CommentSyntax::Slash,
        styles: BOTH,
        keywords: lang::java::KEYWORDS,
        line_comments: &["//"],
        quotes: &['"'],
        dashed_words: false,
    },
    LanguageSpec {
        id: "go",
        ext: "go",
        title: "Go",
        fence: "go",
        comment: CommentSyntax::Slash,
        styles: BOTH,
        keywords: lang::go::KEYWORDS,
        line_comments: &["//"],
        quotes: &['"', '`'],
        dashed_words: false,
    },
    LanguageSpec {
        id: "powershell",
        ext: "ps1",
        title: "PowerShell",
        fence: "powershell",
        comment: CommentSyntax::Hash,
        styles: BOTH,
        keywords: POWERSHELL_KEYWORDS,
        line_comments: &["#"],
        quotes: &['\'', '"'],
        dashed_words: true,
    },
    LanguageSpec {
        id: "python",
        ext: "py",
        title: "Python",
        fence: "python",
        comment: CommentSyntax::Hash,
        styles: CURRENT,
        keywords: lang::python::KEYWORDS,
        line_comments: &["#"],
        quotes: &['\'', '"'],
        dashed_words: false,
    },
    LanguageSpec {
        id: "php",
        ext: "php",
        title: "PHP",
        fence: "php",
        comment: CommentSyntax::PhpBlock,
        styles: CURRENT,
        keywords: lang::php::KEYWORDS,
        line_comments: &["//", "#"],
        quotes: &['\'', '"'],
        dashed_words: false,
    },
    LanguageSpec {
        id: "cli",
        ext: "sh",
        title: "CLI",
        fence: "bash",
        comment: CommentSyntax::Hash,
        styles: CURRENT,
        keywords: lang::cli::KEYWORDS,
        line_comments: &["#"],
        quotes: &['\''],
        dashed_words: true,
    },
];

impl Language {
    pub const ALL: [Language; 10] = [
        Language::Http,
        Language::CSharp,
        Language::JavaScript,
        Language::ObjC,
        Language::Java,
        Language::Go,
        Language::PowerShell,
        Language::Python,
        Language::Php,
        Language::Cli,
    ];

    /// This language's row of the registry.
    pub fn spec(self) -> &'static LanguageSpec {
        &SPECS[self as usize]
    }

    /// Whether a snippet of this language exists in `style`.
    pub fn has_style(self, style: Style) -> bool {
        self.spec().styles.contains(&style)
    }

    pub fn id(self) -> &'static str {
        self.spec().id
    }

    pub fn ext(self) -> &'static str {
        self.spec().ext
    }

    pub fn title(self) -> &'static str {
        self.spec().title
    }

    pub fn fence_info(self) -> &'static str {
        self.spec().fence
    }

    pub fn from_id(id: &str) -> Option<Language> {
        Self::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The language `id` names, or the one refusal every door gives (the list of known
    /// ids, and the right one for a near miss such as `ts` or `c#`).
    pub fn parse(id: &str) -> Result<Language, Unknown> {
        Language::from_id(id).ok_or_else(|| {
            let lower = id.trim().to_ascii_lowercase();
            let hint = NEAR_MISSES.iter().find(|(miss, _)| *miss == lower).map(|(_, hint)| *hint);
            let hint = hint.or_else(|| Language::from_id(&lower).map(Language::id));
            Unknown { what: "language", given: id.to_owned(), known: Language::ids(), hint }
        })
    }

    /// Every language's id, in the registry's order, comma-separated (for help texts).
    pub fn ids() -> String {
        Language::ALL.map(Language::id).join(", ")
    }
}

impl Style {
    pub const ALL: [Style; 2] = [Style::Page, Style::Current];

    pub fn id(self) -> &'static str {
        match self {
            Style::Page => "page",
            Style::Current => "current",
        }
    }

    pub fn from_id(id: &str) -> Option<Style> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The style `id` names, or the one refusal every door gives.
    pub fn parse(id: &str) -> Result<Style, Unknown> {
        Style::from_id(id).ok_or_else(|| Unknown { what: "style", given: id.to_owned(), known: Style::ids(), hint: None })
    }

    /// Every style's id, comma-separated.
    pub fn ids() -> String {
        Style::ALL.map(Style::id).join(", ")
    }
}

/// An id the registry does not know: `unknown language `cobol`; known languages: http, …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub what: &'static str,
    pub given: String,
    pub known: String,
    /// The id meant, or the flag to use instead, for a near miss.
    pub hint: Option<&'static str>,
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The id is echoed as typed, but never raw control characters or a megabyte of it.
        let given = crate::diag::escape_controls(&crate::diag::clip(&self.given));
        write!(f, "unknown {} `{given}`; known {}s: {}", self.what, self.what, self.known)?;
        match self.hint {
            Some(hint) if hint.contains(' ') => write!(f, " ({hint})"),
            Some(id) => write!(f, " (did you mean `{id}`?)"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Unknown {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_its_languages_and_ids_are_unique() {
        for (i, l) in Language::ALL.into_iter().enumerate() {
            assert_eq!(l as usize, i, "ALL is in the enum's order");
            assert_eq!(Language::from_id(l.id()), Some(l));
            assert!(!l.spec().styles.is_empty(), "{l:?} has a generation");
        }
        let mut exts: Vec<&str> = Language::ALL.map(Language::ext).to_vec();
        exts.sort();
        exts.dedup();
        assert_eq!(exts.len(), Language::ALL.len(), "one extension per language: the manifest tells them apart by it");
    }

    #[test]
    fn unknown_ids_are_refused_with_the_known_ones() {
        let e = Language::parse("cobol").unwrap_err().to_string();
        assert_eq!(e, "unknown language `cobol`; known languages: http, csharp, javascript, objc, java, go, powershell, python, php, cli");
        assert_eq!(Style::parse("old").unwrap_err().to_string(), "unknown style `old`; known styles: page, current");
        assert_eq!(Style::parse("page"), Ok(Style::Page));
        assert!(Language::parse("go\u{1b}[2J").unwrap_err().to_string().contains("go\\u{1b}[2J"));
        assert!(Language::parse("C#").unwrap_err().to_string().ends_with("(did you mean `csharp`?)"));
        assert!(Language::parse("Go").unwrap_err().to_string().ends_with("(did you mean `go`?)"));
        assert!(Language::parse("rust").unwrap_err().to_string().contains("`--rust`"));
        for (miss, hint) in NEAR_MISSES {
            assert!(Language::from_id(miss).is_none(), "{miss} is an id");
            assert!(hint.contains(' ') || Language::from_id(hint).is_some(), "{hint} names a language");
        }
    }

    #[test]
    fn generations_are_as_the_sdks_have_them() {
        assert!(!Language::ObjC.has_style(Style::Current));
        assert!(Language::Python.has_style(Style::Current) && !Language::Python.has_style(Style::Page));
        assert!(Language::Http.has_style(Style::Page) && Language::Http.has_style(Style::Current));
    }
}
