//! Microsoft Graph CLI naming (`mgc`, a Kiota-generated command tree): commands and
//! options in kebab case, every value quoted for POSIX shells where it is written.

use super::{ident, Case};
use crate::model::OperationKind;

/// What the preview highlights: bash's reserved words and the CLI's operation verbs (the
/// CLI's other words are arguments of `mgc`, never shell keywords).
pub const KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done", "in", "function", "time", "post",
    "create", "get", "list", "patch", "delete",
];

/// The executable: `mgc` for v1.0, `mgc-beta` for beta.
pub fn program(version: &str) -> String {
    match crate::model::sdk_suffix(version) {
        None => "mgc".to_owned(),
        Some(v) => format!("mgc-{}", ident(v, Case::Snake, "v").replace('_', "-")),
    }
}

/// A command word: `communications`, `start-hold-music`; split before every capital as
/// Kiota splits names for Python (`chrome_o_s_onboarding_settings`), so the CLI's
/// `chrome-o-s-onboarding-settings` and the Python SDK's names agree.
pub fn command(name: &str) -> String {
    super::kiota(name, Case::Snake, "n").replace('_', "-")
}

/// `--call-id`, `--mail-folder-id1`: the option an item of a collection takes, named after
/// its key as one word (`mailFolderId1`, see `snippets::kiota::key_word`).
pub fn id_option(key_word: &str) -> String {
    format!("--{}", command(key_word))
}

/// `--consistency-level`, `--if-match`: the option a request header takes.
pub fn header_option(name: &str) -> String {
    format!("--{}", command(name))
}

/// The command for an operation on the resource the path names: `post` for an action,
/// and the verbs Kiota's CLI gives entity operations.
pub fn verb(kind: OperationKind) -> &'static str {
    match kind {
        OperationKind::Action | OperationKind::AddReference => "post",
        OperationKind::SetReference => "put",
        OperationKind::Create => "create",
        // Kiota's CLI reads a function with `get`, as any GET.
        OperationKind::Get | OperationKind::Function | OperationKind::Count => "get",
        OperationKind::List => "list",
        OperationKind::Update => "patch",
        OperationKind::Delete | OperationKind::RemoveReference => "delete",
    }
}

/// One shell word: bare when it holds only characters no shell treats specially (the
/// docs' `{call-id}` placeholders stay as printed: without a comma or `..` they are no
/// brace expansion), single-quoted when every character can stand as itself there, and
/// bash's `$'…'` with escapes when a control, line-separator or bidi character would
/// otherwise sit raw in the command.
pub fn word(s: &str) -> String {
    let plain = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:/@+={}".contains(c)) && !s.contains("..");
    if plain {
        s.to_owned()
    } else if s.chars().any(needs_escape) {
        ansi_c(s)
    } else {
        quoted(s)
    }
}

fn needs_escape(c: char) -> bool {
    super::must_escape(c)
}

/// `$'…'`: bash's quoting with C escapes, where `\` and `'` are the special characters.
fn ansi_c(s: &str) -> String {
    let mut out = String::from("$'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// `'…'` with each `'` written as `'\''` (close, an escaped quote, reopen).
pub fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The JSON text of a body (as `lang::http::json` prints it: every character that must
/// not sit raw already a `\u` escape) as the `--body` argument: one quoted shell word.
pub fn json_body(json: &str) -> String {
    quoted(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_quoting() {
        assert_eq!(program("beta"), "mgc-beta");
        assert_eq!(program("v1.0"), "mgc");
        assert_eq!(command("startHoldMusic"), "start-hold-music");
        assert_eq!(id_option("participantId"), "--participant-id");
        assert_eq!(id_option("mailFolderId"), "--mail-folder-id");
        assert_eq!(id_option("mailFolderId1"), "--mail-folder-id1");
        assert_eq!(word("{call-id}"), "{call-id}");
        assert_eq!(word("{a,b}"), "'{a,b}'");
        assert_eq!(word("$(rm -rf /)"), "'$(rm -rf /)'");
        assert_eq!(quoted("it's"), r"'it'\''s'");
        assert_eq!(word("a'\n\u{202e}\\"), r"$'a\'\n\u202e\\'");
        let printed = crate::lang::http::json(&serde_json::json!({"a": "\u{202e}'"}));
        assert_eq!(json_body(&printed), "'{\n  \"a\": \"\\u202e'\\''\"\n}'");
    }
}
